import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { validateData } from '../../schema/validate-data';
import { defineEvent } from '../event-definition';
import { mustHaveHappened, unique } from '../rules';
import { checkLikeTheOriginal, mustKeepIdentity } from './correction-rules';
import { editorialTarget, targetStream } from './editorial-target';

export type EventCorrectedData = { eventId: string; reason: string; data: Record<string, unknown>; occurredAt?: string };

/**
 * The corrected data replaces the original's in reports. Identity (ids, owner, actor) cannot
 * change (see correction-rules.ts); the rest is checked by the original type's own rules and
 * references, and the correction is about everyone the original or the corrected data names.
 */
export const eventCorrected = defineEvent<EventCorrectedData, unknown>({
  type: 'EventCorrected', schemaVersion: 1, family: 'editorial', category: 'any', role: 'editor', factual: false,
  description: "An earlier event's data corrected (the original stays in the log; reports show the corrected version). Ids, owner and actor cannot be corrected: retract and record anew.",
  schema: {
    eventId: field.uuid('The event corrected'),
    reason: field.text('What was wrong'),
    data: field.object("The event's full data, corrected (same ids, owner and actor)"),
    occurredAt: field.date('When it really happened, if the date was wrong.', true),
  },
  example: { eventId: '3f0c9a52-0d0e-4a8e-9a54-2b1f1c1d9e77', reason: 'The agreement was signed in late February, not March', data: { actionId: 'openai-dow-classified-agreement', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Agreement to deploy models on classified networks', topics: ['defence', 'surveillance'] } },
  streamId: (data, context) => targetStream(context, data.eventId),
  references(data, lookup) {
    const target = lookup?.event(data.eventId);
    const definition = target && lookup?.definition(target.type);
    // The corrected data is checked like the original: the streams its own rules consult.
    const streams = definition && isRecord(data.data) ? safeStreams(() => definition.references(data.data).streams) : [];
    return { streams, eventIds: [data.eventId] };
  },
  decide(data, _state, context) {
    const target = editorialTarget(context, data.eventId);
    const definition = context.definition(target.type)!;
    const errors = validateData(definition.schema, data.data, 'data.data');
    if (errors.length > 0) throw new DomainError('invalid-correction', errors.map((e) => e.message).join('; '), 'unprocessable', { errors });
    if (definition.streamId(data.data, context) !== target.streamId) throw new DomainError('correction-changes-identity', 'a correction cannot change the ids that place the event in its stream: retract it and record the right one anew');
    mustKeepIdentity(target, data.data);
    checkLikeTheOriginal(target, data.data, data.occurredAt, context);
    mustHaveHappened(context);
  },
  evolve: (state) => state,
  subjects(data, context) {
    const target = context.event(data.eventId);
    if (!target) return [];
    return unique([...target.subjects, ...context.definition(target.type)!.subjects(data.data, context)]);
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Data not yet validated may lack the fields references read; `decide` reports it properly. */
function safeStreams(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}
