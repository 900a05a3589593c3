import { PoolClient } from 'pg';

/**
 * One lock order for everything that writes read models. Every feed transaction (the store
 * runner, each Kafka projector member, a rebuild's own batches) takes this advisory lock SHARED
 * before any row or checkpoint, so feeds never wait on each other for it; a rebuild's switch
 * takes it EXCLUSIVE first, so it waits for the feed transactions in flight, the next ones wait
 * behind it, and only then does it lock checkpoints and tables. Without it the Kafka projector
 * (rows, then checkpoints) and the switch (checkpoints, then tables) deadlock.
 */
export const READ_MODEL_FEED_LOCK = 5_730_145_004;

/**
 * Taken at the start of every feed transaction (re-taking it in the same transaction is free). In
 * the same round trip, the transaction stops waiting for its commit's WAL flush: read models and
 * their checkpoints commit together and are derived from the log, so a crash can only lose the
 * last feed transactions whole, checkpoints included, and the feed applies them again from the log
 * or the topic. Their commits no longer wait a disk flush each (the lag from append to visible).
 */
export async function enterFeedTransaction(client: PoolClient): Promise<void> {
  await client.query(ENTER_FEED_SQL);
}

/**
 * enterFeedTransaction's statement, without parameters: a caller may send it in one simple-protocol
 * query with the statement that must follow it (`${ENTER_FEED_SQL}; SELECT ... FOR UPDATE`), so
 * the lock order costs no round trip of its own.
 */
export const ENTER_FEED_SQL = `SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock_shared(${READ_MODEL_FEED_LOCK})`;

/** Taken first by a switch: no feed transaction runs until it commits or rolls back. */
export async function excludeFeeds(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [READ_MODEL_FEED_LOCK]);
}
