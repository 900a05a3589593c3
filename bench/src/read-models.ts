import { Pool } from 'pg';

/** The read-model tables (`rm_*`), found in the catalogue so new projections are covered too. */
export async function readModelTables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'rm\\_%' ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename);
}

/** Empties every read model and forgets every checkpoint, so projections start again from position 0. */
export async function resetReadModels(pool: Pool): Promise<void> {
  for (const table of await readModelTables(pool)) await pool.query(`DELETE FROM ${table}`);
  await pool.query('DELETE FROM projection_checkpoints');
}

export async function readModelRowCounts(pool: Pool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await readModelTables(pool)) {
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    counts[table] = Number(rows[0].count);
  }
  return counts;
}
