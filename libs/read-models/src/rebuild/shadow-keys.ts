import { PoolClient } from 'pg';

/**
 * A rebuild loads the tables of projections that never read their rows (the timeline, the
 * commitment links) without their primary key: every row is a plain append, with no index to
 * maintain and no conflict to check, and the key is built once at the end by sorting. Rows can
 * arrive twice (two corrections indexing the same event under the same newcomer, a revised
 * link); the copy with the highest `last_position` is the one a keyed table would have kept.
 */

const UNIQUE_VIOLATION = '23505';

/** Drops the shadow table's primary key (named by createShadowTable), if it has one. */
export async function dropShadowKey(client: PoolClient, shadow: string): Promise<void> {
  await client.query(`ALTER TABLE ${shadow} DROP CONSTRAINT IF EXISTS ${shadow}_pkey`);
}

/**
 * Gives the shadow table the live table's primary key when it has none. Duplicates are rare, so
 * the key is tried first (inside a savepoint: a failed build must not abort the caller's
 * transaction) and duplicates are removed only when it fails on one.
 */
export async function restoreShadowKey(client: PoolClient, live: string, shadow: string): Promise<void> {
  const primary = async (table: string) =>
    (
      await client.query<{ definition: string; columns: string[] }>(
        `SELECT pg_get_constraintdef(c.oid) AS definition, array_agg(a.attname::text ORDER BY k.i) AS columns
         FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY AS k(attnum, i), pg_attribute a
         WHERE c.conrelid = $1::regclass AND c.contype = 'p' AND a.attrelid = c.conrelid AND a.attnum = k.attnum
         GROUP BY c.oid`,
        [table],
      )
    ).rows[0];
  if (await primary(shadow)) return;
  const key = await primary(live);
  if (!key) return;
  const addKey = `ALTER TABLE ${shadow} ADD CONSTRAINT ${shadow}_pkey ${key.definition}`;
  await client.query('SAVEPOINT shadow_key');
  try {
    await client.query(addKey);
    await client.query('RELEASE SAVEPOINT shadow_key');
    return;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT shadow_key');
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
  await removeDuplicates(client, shadow, key.columns);
  await client.query(addKey);
}

/** Keeps one row per key: the one with the highest `last_position` when the table has that column. */
async function removeDuplicates(client: PoolClient, table: string, key: string[]): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'last_position' AND NOT attisdropped) AS present`,
    [table],
  );
  const latestFirst = rows[0].present ? 'last_position DESC' : 'ctid';
  await client.query(
    `DELETE FROM ${table} WHERE ctid IN (
       SELECT ctid FROM (SELECT ctid, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY ${latestFirst}) AS copy FROM ${table}) AS copies WHERE copy > 1)`,
  );
}
