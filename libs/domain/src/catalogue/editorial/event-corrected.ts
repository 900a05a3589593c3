import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { validateData } from '../../schema/validate-data';
import { requirePartialDate, startsAfter } from '../../shared/partial-date';
import { defineEvent } from '../event-definition';
import { mustHaveHappened } from '../rules';
import { editorialTarget, targetStream } from './editorial-target';

export type EventCorrectedData = { eventId: string; reason: string; data: Record<string, unknown>; occurredAt?: string };

/** The corrected data replaces the original's in reports; ids (and so the stream) cannot change. */
export const eventCorrected = defineEvent<EventCorrectedData, unknown>({
  type: 'EventCorrected', schemaVersion: 1, family: 'editorial', category: 'any', role: 'editor', factual: false,
  description: "An earlier event's data corrected (the original stays in the log; reports show the corrected version).",
  schema: {
    eventId: field.uuid('The event corrected'),
    reason: field.text('What was wrong'),
    data: field.object("The event's full data, corrected"),
    occurredAt: field.date('When it really happened, if the date was wrong.', true),
  },
  example: { eventId: '3f0c9a52-0d0e-4a8e-9a54-2b1f1c1d9e77', reason: 'The agreement was signed in late February, not March', data: { actionId: 'openai-dow-classified-agreement', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Agreement to deploy models on classified networks', topics: ['defence', 'surveillance'] } },
  streamId: (data, context) => targetStream(context, data.eventId),
  references: (data) => ({ streams: [], eventIds: [data.eventId] }),
  decide(data, _state, context) {
    const target = editorialTarget(context, data.eventId);
    const definition = context.definition(target.type)!;
    const errors = validateData(definition.schema, data.data, 'data.data');
    if (errors.length > 0) throw new DomainError('invalid-correction', errors.map((e) => e.message).join('; '), 'unprocessable', { errors });
    if (definition.streamId(data.data, context) !== target.streamId) throw new DomainError('correction-changes-identity', 'a correction cannot change the ids that place the event in its stream');
    if (data.occurredAt && startsAfter(requirePartialDate(data.occurredAt), context.now)) {
      throw new DomainError('occurred-in-future', `corrected occurredAt ${data.occurredAt} is after the time of recording`);
    }
    mustHaveHappened(context);
  },
  evolve: (state) => state,
  subjects: (data, context) => context.event(data.eventId)?.subjects ?? [],
});
