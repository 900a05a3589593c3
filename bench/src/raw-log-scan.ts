import { Pool } from 'pg';

/** Baseline read: the whole log by keyset pagination on the primary key, rows parsed by pg, nothing applied. */
export async function scanLog(pool: Pool, pageSize: number): Promise<{ events: number; lastPosition: number }> {
  let after = 0;
  let events = 0;
  for (;;) {
    const { rows } = await pool.query<{ position: string }>('SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2', [after, pageSize]);
    if (rows.length === 0) return { events, lastPosition: after };
    events += rows.length;
    after = Number(rows[rows.length - 1].position);
    if (rows.length < pageSize) return { events, lastPosition: after };
  }
}
