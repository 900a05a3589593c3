import { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on one pooled connection: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransactionOpenedBy(pool, async (client) => {
    await client.query('BEGIN');
    return work(client);
  });
}

/**
 * Like withTransaction, except that `work` opens the transaction itself: its first query starts
 * with `BEGIN;` (the simple query protocol carries several statements), so opening costs no round
 * trip of its own. Committed if `work` returns, rolled back if it throws.
 */
export async function withTransactionOpenedBy<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
