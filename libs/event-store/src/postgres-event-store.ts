import { Pool } from 'pg';
import { AppendOutcome, idempotencyRef } from './append-group';
import { AppendObserver, tell } from './append-observer';
import { CoalescedReads } from './coalesced-reads';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from './event-row';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './event-store.errors';
import { DEFAULT_GROUP_COMMIT_LIMITS, GroupCommitLimits, GroupCommitter } from './group-committer';
import { GENESIS_HASH } from './hash-chain';
import { AppendedEvent, NewEvent, StoredEvent } from './stored-event';
import { activeTraceparent, inSpan } from './trace-context';


export interface AppendOptions {
  /** Who submits (an API key id); stored on every event. */
  principal: string;
  /** For each stream the writer decided on: the version it saw (0 = the stream must not exist). */
  expectedVersions: ReadonlyMap<string, number>;
  idempotency?: { key: string; requestHash: string };
}

interface StoredIdempotency {
  requestHash: string;
  result: AppendedEvent[];
}

/** What deciding needs of an event already in a stream (neither its sources nor its envelope). */
export interface DecisionEvent {
  eventId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  subjects: string[];
}

/**
 * Stream reads for decisions that arrive together share a query: at most this many streams per
 * query, at most this many queries at once (the rest of the pool serves appends and reads).
 */
const DECISION_READS = { maxKeys: 1_000, maxInFlight: 2 };

export interface LogHead {
  position: number;
  hash: string;
}

export class PostgresEventStore {
  private readonly appendListeners = new Set<(head: LogHead) => void>();
  private readonly committer: GroupCommitter;
  private readonly decisionReads = new CoalescedReads<DecisionEvent[]>((streamIds) => this.readDecisionEvents(streamIds), DECISION_READS);
  /** Keyed writers look for an earlier answer before deciding: those that look at the same time share a query. */
  private readonly idempotencyReads = new CoalescedReads<StoredIdempotency>((refs) => this.readIdempotencyKeys(refs), DECISION_READS);

  constructor(
    private readonly pool: Pool,
    groupCommit: GroupCommitLimits = DEFAULT_GROUP_COMMIT_LIMITS,
    private readonly observer?: AppendObserver,
  ) {
    this.committer = new GroupCommitter(pool, groupCommit, (last) => {
      for (const listener of this.appendListeners) {
        try {
          listener({ position: last.position, hash: last.hash });
        } catch {
          // A listener's failure is its own; the append has committed.
        }
      }
    }, observer);
  }

  /**
   * Appends events to one or more streams atomically, or nothing at all. Appends that arrive
   * together commit in one transaction (GroupCommitter), each checked on its own.
   */
  append(events: readonly NewEvent[], options: AppendOptions): Promise<AppendOutcome> {
    return inSpan('saydo.append', async (span) => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const { principal, expectedVersions, idempotency } = options;
        const outcome = await this.committer.submit({ events, principal, expectedVersions, idempotency, traceparent: activeTraceparent() });
        tell(this.observer, 'appendSettled', seconds(), 'ok');
        span.setAttributes({ 'saydo.events': outcome.events.length, 'saydo.replayed': outcome.replayed, 'saydo.position.last': outcome.events.at(-1)?.position ?? 0 });
        return outcome;
      } catch (error) {
        const refused = error instanceof WrongExpectedVersionError || error instanceof IdempotencyKeyReusedError;
        tell(this.observer, 'appendSettled', seconds(), refused ? 'refused' : 'failed');
        throw error;
      }
    });
  }

  /** The result of an earlier request with this key, so a retried request can answer before deciding again. */
  async findIdempotentResult(principal: string, idempotency: { key: string; requestHash: string }): Promise<AppendedEvent[] | null> {
    const ref = idempotencyRef(principal, idempotency.key);
    const stored = (await this.idempotencyReads.read([ref])).get(ref);
    if (!stored) return null;
    if (stored.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
    return stored.result;
  }

  private async readIdempotencyKeys(refs: string[]): Promise<Map<string, StoredIdempotency>> {
    const pairs = refs.map((ref) => JSON.parse(ref) as [string, string]);
    const { rows } = await this.pool.query<{ principal: string; key: string; request_hash: string; result: AppendedEvent[] }>(
      `SELECT k.principal, k.key, k.request_hash, k.result
       FROM unnest($1::text[], $2::text[]) AS w(principal, key)
       JOIN idempotency_keys k ON k.principal = w.principal AND k.key = w.key`,
      [pairs.map(([principal]) => principal), pairs.map(([, key]) => key)],
    );
    return new Map(rows.map((row) => [idempotencyRef(row.principal, row.key), { requestHash: row.request_hash, result: row.result }]));
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toStoredEvent);
  }

  /**
   * The events of several streams as deciding needs them, each in version order (a stream that
   * does not exist is absent). Concurrent calls share queries (CoalescedReads); each still sees
   * every commit that finished before it was called.
   */
  readStreamsForDecision(streamIds: readonly string[]): Promise<Map<string, DecisionEvent[]>> {
    return this.decisionReads.read(streamIds);
  }

  private async readDecisionEvents(streamIds: string[]): Promise<Map<string, DecisionEvent[]>> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_version: number; event_id: string; type: string; data: Record<string, unknown>; subjects: string[] }>(
      `SELECT stream_id, stream_version, event_id, type, data, metadata->'subjects' AS subjects
       FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    const byStream = new Map<string, DecisionEvent[]>();
    for (const row of rows) {
      let events = byStream.get(row.stream_id);
      if (!events) byStream.set(row.stream_id, (events = []));
      events.push({ eventId: row.event_id, streamVersion: row.stream_version, type: row.type, data: row.data, subjects: row.subjects });
    }
    return byStream;
  }

  /** One page of a stream: at most `limit` events after a version, and the stream's current version (0: no such stream). */
  async readStreamPage(streamId: string, afterVersion: number, limit: number): Promise<{ events: StoredEvent[]; version: number }> {
    const [page, head] = await Promise.all([
      this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version LIMIT $3`, [streamId, afterVersion, limit]),
      this.pool.query<{ version: number | null }>(`SELECT max(stream_version) AS version FROM events WHERE stream_id = $1`, [streamId]),
    ]);
    return { events: page.rows.map(toStoredEvent), version: head.rows[0]?.version ?? 0 };
  }

  /** Several streams in one round trip, each in version order. */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const byStream = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
    if (streamIds.length === 0) return byStream;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    for (const row of rows) byStream.get(row.stream_id)?.push(toStoredEvent(row));
    return byStream;
  }

  /** Events by id, in log order (unknown ids are simply absent). */
  async readEventsByIds(eventIds: readonly string[]): Promise<StoredEvent[]> {
    if (eventIds.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY position`, [eventIds]);
    return rows.map(toStoredEvent);
  }

  /** The events one principal submitted, in log order (who did what). */
  async readByPrincipal(principal: string, after: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE principal = $1 AND position > $2 ORDER BY position LIMIT $3`, [principal, after, limit]);
    return rows.map(toStoredEvent);
  }

  /** The global log after a position, in position order (a keyset scan on the primary key). */
  async readAll(after: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [after, limit]);
    return rows.map(toStoredEvent);
  }

  async head(): Promise<LogHead> {
    const { rows } = await this.pool.query<{ position: string; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1');
    return rows[0] ? { position: Number(rows[0].position), hash: rows[0].hash } : { position: 0, hash: GENESIS_HASH };
  }

  /** Called after each commit in this process (other processes hear EVENTS_APPENDED_CHANNEL). */
  onAppended(listener: (head: LogHead) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }
}
