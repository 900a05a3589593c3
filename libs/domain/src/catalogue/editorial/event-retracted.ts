import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustHaveHappened } from '../rules';
import { editorialTarget, targetStream } from './editorial-target';

export type EventRetractedData = { eventId: string; reason: string };

/** The original stays in the log; reports stop counting it and say it was retracted. */
export const eventRetracted = defineEvent<EventRetractedData, unknown>({
  type: 'EventRetracted', schemaVersion: 1, family: 'editorial', category: 'any', role: 'editor', factual: false,
  description: 'An earlier event is withdrawn from the record (it stays in the log; reports stop counting it).',
  schema: { eventId: field.uuid('The event retracted'), reason: field.text('Why') },
  example: { eventId: '3f0c9a52-0d0e-4a8e-9a54-2b1f1c1d9e77', reason: 'The report it relied on was withdrawn by its publisher' },
  streamId: (data, context) => targetStream(context, data.eventId),
  references: (data) => ({ streams: [], eventIds: [data.eventId] }),
  decide(data, _state, context) {
    editorialTarget(context, data.eventId);
    mustHaveHappened(context);
  },
  evolve: (state) => state,
  subjects: (data, context) => context.event(data.eventId)?.subjects ?? [],
});
