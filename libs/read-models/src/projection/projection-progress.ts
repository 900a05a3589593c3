import { Pool } from 'pg';

/** The log position every read model has reached: the lowest checkpoint of the given projections. */
export async function readModelPosition(pool: Pool, projectionNames: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ name: string; position: string }>(`SELECT name, position FROM projection_checkpoints WHERE name = ANY($1::text[])`, [
    projectionNames,
  ]);
  if (rows.length < projectionNames.length) return 0;
  return Math.min(...rows.map((row) => Number(row.position)));
}
