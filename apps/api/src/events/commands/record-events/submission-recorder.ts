import { hash, randomUUID } from 'node:crypto';
import { decideSubmissions, DecidedEvent, DomainError, eventsNeededBy, streamsNeededBy, Submission } from '@saydo/domain';
import { AppendedEvent, AppendOutcome, canonicalJson, NewEvent, PostgresEventStore, tracedSync as traced, WrongExpectedVersionError } from '@saydo/event-store';
import { tracingIsOn } from '@saydo/platform';
import { loadEvents, loadStreams } from './stream-loader';
import { StreamTurns } from './stream-turns';
import { backoffDelayMs, isIdempotencyKeyTaken, pause } from './write-retry';

type Idempotency = { key: string; requestHash: string };

export interface WriteRetryPolicy {
  /** Attempts before giving up with WriteContentionError (WRITE_RETRY_LIMIT). */
  limit: number;
  /** First backoff between attempts, doubled each time with full jitter (WRITE_RETRY_BASE_DELAY_MS). */
  baseDelayMs: number;
}

/** Other writers moved the streams a decision read on every attempt; nothing was written. */
export class WriteContentionError extends Error {
  constructor(readonly attempts: number) {
    super(`decided ${attempts} times on fresh state and other writes got in first each time`);
    this.name = 'WriteContentionError';
  }
}

/**
 * Decides submissions and appends them with the versions of every stream the decision read or
 * wrote. When another writer moved one of them in between, the decision is stale: it is made
 * again on fresh state. A client's expectedVersion is checked again there, so only a client that
 * pinned a version ever hears wrong-expected-version, with the stream's real current version.
 * Writers of the same streams in this process take turns, so they rarely need to decide again.
 * Kept free of Nest so the integration tests can drive it against a real PostgreSQL.
 */
export class SubmissionRecorder {
  private readonly turns = new StreamTurns();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly retry: WriteRetryPolicy,
  ) {}

  async record(submissions: readonly Submission[], principal: string, idempotencyKey?: string): Promise<AppendOutcome> {
    const idempotency = idempotencyKey ? { key: idempotencyKey, requestHash: sha256(canonicalJson(submissions) ?? '') } : undefined;
    if (idempotency) {
      const earlier = await this.store.findIdempotentResult(principal, idempotency);
      if (earlier) return replay(earlier);
    }
    try {
      const outcome = await this.decideAndAppend(submissions, principal, idempotency);
      return outcome.replayed ? replay(outcome.events) : outcome;
    } catch (error) {
      // A retry racing its original: the original's events can make this copy break a rule
      // ("already stated"), lose the race or collide on the key. If the original committed, answer it.
      if (idempotency && mayBeTheOriginalsDoing(error)) {
        const original = await this.store.findIdempotentResult(principal, idempotency);
        if (original) return replay(original);
      }
      throw error;
    }
  }

  private async decideAndAppend(submissions: readonly Submission[], principal: string, idempotency: Idempotency | undefined): Promise<AppendOutcome> {
    // Events never change once recorded: those looked up by id are loaded once, outside the turn.
    const known = await loadEvents(this.store, eventsNeededBy(submissions));
    const needed = streamsNeededBy(submissions, known);
    return this.turns.take(needed, async () => {
      // Streams an earlier attempt consulted beyond those the references name are loaded too.
      let consulted: string[] = [];
      for (let attempt = 1; ; attempt++) {
        const loaded = await loadStreams(this.store, [...new Set([...needed, ...consulted])]);
        const decide = () => decideSubmissions(submissions, { loaded, known, now: new Date().toISOString(), newEventId: randomUUID });
        // A no-op span (tracing off) still cost about 1% of a write's CPU: made only when exported.
        const decision = tracingIsOn() ? traced('saydo.decide', { 'saydo.attempt': attempt, 'saydo.submissions': submissions.length }, decide) : decide();
        try {
          return await this.store.append(decision.events.map(toNewEvent), { principal, expectedVersions: decision.expectedVersions, idempotency });
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          if (attempt >= this.retry.limit) throw new WriteContentionError(attempt);
          consulted = [...decision.expectedVersions.keys()];
          await pause(backoffDelayMs(attempt, this.retry.baseDelayMs));
        }
      }
    });
  }
}

/**
 * The original answer again, byte for byte: the stored result comes back from jsonb with its keys
 * reordered, so each event is rebuilt in the order the first answer had.
 */
function replay(events: readonly AppendedEvent[]): AppendOutcome {
  return {
    replayed: true,
    events: events.map(({ eventId, streamId, streamVersion, position, recordedAt, hash }) => ({ eventId, streamId, streamVersion, position, recordedAt, hash })),
  };
}

function mayBeTheOriginalsDoing(error: unknown): boolean {
  return error instanceof DomainError || error instanceof WrongExpectedVersionError || error instanceof WriteContentionError || isIdempotencyKeyTaken(error);
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
  return hash('sha256', text, 'hex');
}
