import { Pool, PoolClient } from 'pg';

export interface PoolCheckouts {
  /** How long each client taken with `await pool.connect()` was held (a transaction, for the projectors), in seconds. */
  heldSeconds: number[];
  /** Starts counting afresh (after a warm-up). */
  reset(): void;
}

/**
 * Counts the clients a component checks out of its pool with `await pool.connect()` and how long
 * it holds each (pool.query's own internal checkouts, made with a callback, are not counted).
 */
export function trackCheckouts(pool: Pool): PoolCheckouts {
  const heldSeconds: number[] = [];
  const original = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient> | void;
  const patched = (callback?: unknown) => {
    if (callback) return original(callback);
    return (original() as Promise<PoolClient>).then((client) => {
      const start = performance.now();
      const release = client.release;
      client.release = (error?: Error | boolean) => {
        heldSeconds.push((performance.now() - start) / 1000);
        client.release = release;
        return release.call(client, error);
      };
      return client;
    });
  };
  (pool as unknown as { connect: typeof patched }).connect = patched;
  return { heldSeconds, reset: () => (heldSeconds.length = 0) };
}
