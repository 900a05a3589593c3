import { Pool, PoolClient } from 'pg';
import { INSERT_EVENTS_SQL, INSERT_OUTBOX_SQL, insertEventsParameters } from './append-sql';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from './event-row';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './event-store.errors';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { withTransaction } from './transaction';
import { AppendedEvent, NewEvent, sealEvent, StoredEvent } from './stored-event';

/**
 * All appends take this transaction-scoped advisory lock. The hash chain needs the previous
 * event's hash, so appends are serialised anyway; holding the lock until commit also means a
 * position is only ever assigned after every lower position has committed. Positions are
 * therefore dense and commit in order, and a reader that reads "after position p" can never
 * skip an event committed late by a slower transaction (see test/integration/event-store-gap-safety).
 */
const APPEND_LOCK_KEY = 5_730_145_001;

/** Channel notified on commit so that projectors in any process wake up at once. */
export const EVENTS_APPENDED_CHANNEL = 'saydo_events_appended';

export interface AppendOptions {
  /** Who submits (an API key id); stored on every event. */
  principal: string;
  /** For each stream the writer decided on: the version it saw (0 = the stream must not exist). */
  expectedVersions: ReadonlyMap<string, number>;
  idempotency?: { key: string; requestHash: string };
}

export type AppendOutcome = { replayed: boolean; events: AppendedEvent[] };

export interface LogHead {
  position: number;
  hash: string;
}

export class PostgresEventStore {
  private readonly appendListeners = new Set<(head: LogHead) => void>();

  constructor(private readonly pool: Pool) {}

  /** Appends events to one or more streams atomically, or nothing at all. */
  async append(events: readonly NewEvent[], options: AppendOptions): Promise<AppendOutcome> {
    const outcome = await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      if (options.idempotency) {
        const earlier = await this.idempotentResult(client, options.principal, options.idempotency);
        if (earlier) return { replayed: true, events: earlier };
      }
      const versions = await this.currentVersions(client, [...new Set([...options.expectedVersions.keys(), ...events.map((e) => e.streamId)])]);
      assertExpectedVersions(options.expectedVersions, versions);
      const stored = await this.sealEvents(client, events, options.principal, versions);
      if (stored.length > 0) {
        await client.query(INSERT_EVENTS_SQL, insertEventsParameters(stored));
        await client.query(INSERT_OUTBOX_SQL, [stored[0].position, stored[stored.length - 1].position]);
        await client.query('SELECT pg_notify($1, $2)', [EVENTS_APPENDED_CHANNEL, String(stored[stored.length - 1].position)]);
      }
      const appended = stored.map(toAppended);
      if (options.idempotency) {
        await client.query('INSERT INTO idempotency_keys (principal, key, request_hash, result) VALUES ($1, $2, $3, $4)', [
          options.principal,
          options.idempotency.key,
          options.idempotency.requestHash,
          JSON.stringify(appended),
        ]);
      }
      return { replayed: false, events: appended };
    });
    const last = outcome.events[outcome.events.length - 1];
    if (!outcome.replayed && last) this.appendListeners.forEach((listener) => listener({ position: last.position, hash: last.hash }));
    return outcome;
  }

  /** The result of an earlier request with this key, so a retried request can answer before deciding again. */
  async findIdempotentResult(principal: string, idempotency: { key: string; requestHash: string }): Promise<AppendedEvent[] | null> {
    return this.idempotentResult(this.pool, principal, idempotency);
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toStoredEvent);
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

  private async idempotentResult(
    db: Pool | PoolClient,
    principal: string,
    idempotency: { key: string; requestHash: string },
  ): Promise<AppendedEvent[] | null> {
    const { rows } = await db.query<{ request_hash: string; result: AppendedEvent[] }>(
      'SELECT request_hash, result FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, idempotency.key],
    );
    if (rows.length === 0) return null;
    if (rows[0].request_hash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
    return rows[0].result;
  }

  private async currentVersions(client: PoolClient, streamIds: readonly string[]): Promise<Map<string, number>> {
    // One index probe per stream (the unique (stream_id, stream_version) index, newest first), whatever
    // the table statistics say: a GROUP BY over ANY($1) may be planned as a scan of the whole log.
    const { rows } = await client.query<{ stream_id: string; version: number | null }>(
      `SELECT s.stream_id, (SELECT e.stream_version FROM events e WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1) AS version
       FROM unnest($1::text[]) AS s(stream_id)`,
      [streamIds],
    );
    return new Map(rows.filter((row) => row.version !== null).map((row) => [row.stream_id, row.version as number]));
  }

  /** Assigns positions, stream versions, the recording time and the chained hashes. */
  private async sealEvents(client: PoolClient, events: readonly NewEvent[], principal: string, versions: Map<string, number>): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const { rows } = await client.query<{ position: string | null; hash: string | null; now: Date }>(
      `SELECT (SELECT position FROM events ORDER BY position DESC LIMIT 1) AS position,
              (SELECT hash FROM events ORDER BY position DESC LIMIT 1) AS hash,
              date_trunc('milliseconds', clock_timestamp()) AS now`,
    );
    const recordedAt = rows[0].now.toISOString();
    let position = Number(rows[0].position ?? 0);
    let previousHash = rows[0].hash ?? GENESIS_HASH;
    return events.map((event) => {
      const streamVersion = (versions.get(event.streamId) ?? 0) + 1;
      versions.set(event.streamId, streamVersion);
      position += 1;
      const sealed = sealEvent(event, { position, streamVersion, recordedAt, principal });
      const hash = chainHash(previousHash, sealed);
      previousHash = hash;
      return { ...sealed, hash };
    });
  }

}

function assertExpectedVersions(expected: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): void {
  for (const [streamId, version] of expected) {
    const actual = current.get(streamId) ?? 0;
    if (actual !== version) throw new WrongExpectedVersionError(streamId, version, actual);
  }
}

function toAppended(event: StoredEvent): AppendedEvent {
  return {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    recordedAt: event.recordedAt,
    hash: event.hash,
  };
}
