import { Pool, PoolClient } from 'pg';

/** First key of the two-key advisory locks that say "a rebuild of this projection runs". */
const REBUILD_LOCK_CLASS = 57_301;

/** Thrown when another session already rebuilds one of the projections. */
export class RebuildAlreadyRunningError extends Error {}

/**
 * Session advisory locks, one per projection, held for the whole rebuild on a connection of
 * their own: a second rebuild of the same projection (another process, another machine) is
 * refused instead of writing into the same shadow tables. A killed rebuild's session ends and
 * its locks with it.
 */
export class RebuildClaim {
  private constructor(private readonly client: PoolClient) {}

  static async take(pool: Pool, projections: readonly string[]): Promise<RebuildClaim> {
    const client = await pool.connect();
    try {
      const held: string[] = [];
      for (const name of [...projections].sort()) {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [REBUILD_LOCK_CLASS, name]);
        if (rows[0].locked) continue;
        const holder = await client.query<{ pid: number; application_name: string }>(
          `SELECT l.pid, a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND l.classid = $1 AND l.objid = (hashtext($2)::bigint & 4294967295)::text::oid AND l.objsubid = 2`,
          [REBUILD_LOCK_CLASS, name],
        );
        const who = holder.rows[0] ? ` (PostgreSQL backend ${holder.rows[0].pid}, ${holder.rows[0].application_name || 'no application name'})` : '';
        held.push(`${name}${who}`);
      }
      if (held.length > 0) {
        throw new RebuildAlreadyRunningError(`a rebuild of ${held.join(', ')} is already running; wait for it to finish or stop it, then run again`);
      }
      return new RebuildClaim(client);
    } catch (error) {
      // Whatever this attempt locked is unlocked with its session.
      await endSession(client);
      throw error;
    }
  }

  /** Ends the session, and so every lock of this claim. */
  release(): Promise<void> {
    return endSession(this.client);
  }
}

/**
 * Unlocks before closing: a closed connection's backend ends a moment later on the server, and
 * until it does its locks would still refuse the next rebuild. Closing the session stays the
 * fallback when the unlock itself cannot run.
 */
async function endSession(client: PoolClient): Promise<void> {
  try {
    await client.query('SELECT pg_advisory_unlock_all()');
  } catch {
    // a lost connection has no session left to hold the locks
  } finally {
    client.release(true);
  }
}
