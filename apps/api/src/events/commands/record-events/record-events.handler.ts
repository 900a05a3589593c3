import { createHash, randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideSubmissions, DecidedEvent, eventDefinition, eventsNeededBy, streamsNeededBy } from '@saydo/domain';
import { AppendOutcome, NewEvent, PostgresEventStore, WrongExpectedVersionError } from '@saydo/event-store';
import canonicalize from 'canonicalize';
import { hasRole, principalRef } from '../../../auth/principal';
import { problems } from '../../../problems/problem';
import { RecordEventsCommand } from './record-events.command';
import { loadEvents, loadStreams } from './stream-loader';

/** Attempts when another writer moved a stream between our read and our append. */
const MAX_ATTEMPTS = 3;

/** Thin handler: load streams, decide with the pure deciders, append with the versions decided on. */
@CommandHandler(RecordEventsCommand)
export class RecordEventsHandler implements ICommandHandler<RecordEventsCommand> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ submissions, principal, idempotencyKey }: RecordEventsCommand): Promise<AppendOutcome> {
    for (const submission of submissions) {
      const required = eventDefinition(submission.type).role;
      if (!hasRole(principal, required)) throw problems.forbidden(`${submission.type} needs the ${required} role; the key has ${principal.role}`);
    }
    const principalId = principalRef(principal);
    const idempotency = idempotencyKey ? { key: idempotencyKey, requestHash: sha256(canonicalize(submissions) ?? '') } : undefined;
    if (idempotency) {
      const earlier = await this.store.findIdempotentResult(principalId, idempotency);
      if (earlier) return { replayed: true, events: earlier };
    }
    // A client that named a version wants a 409 rather than a retry on fresher state.
    const clientPinnedVersions = submissions.some((s) => s.expectedVersion !== undefined);
    for (let attempt = 1; ; attempt++) {
      const known = await loadEvents(this.store, eventsNeededBy(submissions));
      const loaded = await loadStreams(this.store, streamsNeededBy(submissions, known));
      const decision = decideSubmissions(submissions, { loaded, known, now: new Date().toISOString(), newEventId: randomUUID });
      try {
        return await this.store.append(decision.events.map(toNewEvent), { principal: principalId, expectedVersions: decision.expectedVersions, idempotency });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || clientPinnedVersions || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

function toNewEvent(decided: DecidedEvent): NewEvent {
  return {
    eventId: decided.eventId,
    streamId: decided.streamId,
    type: decided.type,
    schemaVersion: decided.schemaVersion,
    data: decided.data,
    metadata: { sources: decided.sources.map((source) => ({ ...source })), subjects: decided.subjects },
    occurredAt: decided.occurredAt,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
