import { AppendedEvent, NewEvent, sealEvent, StoredEvent } from '@saydo/event-store';
import { Pool } from 'pg';

/**
 * Plain copies of `events` (columns, constraints, indexes; LIKE copies no triggers) for the
 * baselines: one written with the store's own statement shape (unnest), one with INSERT ... VALUES.
 */
export const RAW_UNNEST_TABLE = 'bench_raw_events';
export const RAW_VALUES_TABLE = 'bench_raw_events_values';

const COLUMNS = [
  'position', 'stream_id', 'stream_version', 'event_id', 'type', 'schema_version', 'data', 'metadata',
  'occurred_at', 'occurred_precision', 'occurred_from', 'occurred_until', 'recorded_at', 'principal', 'hash',
] as const;

/** Creates a copy and fills it with the rows `events` holds now, so all tables grow from the same size. */
export async function createRawEventsTable(pool: Pool, table: string): Promise<void> {
  await pool.query(`CREATE TABLE ${table} (LIKE events INCLUDING ALL)`);
  await pool.query(`INSERT INTO ${table} SELECT * FROM events ORDER BY position`);
  await pool.query(`VACUUM ANALYZE ${table}`);
}

/** The full rows the store wrote, rebuilt from what was submitted and what append returned. */
export function storedRows(events: readonly NewEvent[], appended: readonly AppendedEvent[], principal: string): StoredEvent[] {
  return events.map((event, i) => ({
    ...sealEvent(event, { position: appended[i].position, streamVersion: appended[i].streamVersion, recordedAt: appended[i].recordedAt, principal }),
    hash: appended[i].hash,
  }));
}

function rowValues(e: StoredEvent): unknown[] {
  return [
    e.position, e.streamId, e.streamVersion, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata),
    e.occurredAt, e.occurredPrecision, e.occurredFrom, e.occurredUntil, e.recordedAt, e.principal, e.hash,
  ];
}

/** Placeholder lists are cached per batch size: `($1, ..., $15), ($16, ...)`. */
const valuesSql = new Map<number, string>();
function insertValuesSql(rowCount: number): string {
  let sql = valuesSql.get(rowCount);
  if (!sql) {
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`);
    sql = `INSERT INTO ${RAW_VALUES_TABLE} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
    valuesSql.set(rowCount, sql);
  }
  return sql;
}

/** Second baseline: one plain multi-row INSERT ... VALUES statement (15 parameters per row, autocommit), nothing else. */
export async function insertRawValues(pool: Pool, rows: readonly StoredEvent[]): Promise<void> {
  await pool.query(insertValuesSql(rows.length), rows.flatMap(rowValues));
}

const UNNEST_SQL = `
  INSERT INTO ${RAW_UNNEST_TABLE} (${COLUMNS.join(', ')})
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[],
                       $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[])`;

/** Baseline write: one INSERT ... SELECT FROM unnest(one array per column), the statement shape the store uses (autocommit), nothing else. */
export async function insertRawUnnest(pool: Pool, rows: readonly StoredEvent[]): Promise<void> {
  const values = rows.map(rowValues);
  await pool.query(UNNEST_SQL, COLUMNS.map((_c, c) => values.map((row) => row[c])));
}
