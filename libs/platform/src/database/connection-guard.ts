import { Pool, PoolClient } from 'pg';

const guarded = new WeakSet<object>();

/**
 * node-postgres emits 'error' on a client whose connection dies (pg_terminate_backend, a server
 * restart, a reset socket). pg-pool listens only while the client is idle: a checked-out client
 * between two queries of a transaction has no listener, and Node turns an unheard 'error' into a
 * crash of the process. Every client the pool hands out therefore gets a listener for its whole
 * life. Nothing else is needed: the next query on that client fails (so the request answers 503,
 * see isDatabaseUnavailable), and pg-pool drops the broken client instead of reusing it.
 */
export function guardPool(pool: Pool, onError: (error: Error) => void = () => undefined): Pool {
  if (guarded.has(pool)) return pool;
  guarded.add(pool);
  pool.on('error', onError);
  pool.on('acquire', (client: PoolClient) => guardClient(client));
  return pool;
}

/** A dedicated client (not from a pool) gets the same listener. */
export function guardClient<T extends { on(event: 'error', listener: (error: Error) => void): unknown }>(client: T): T {
  if (guarded.has(client)) return client;
  guarded.add(client);
  // Deliberately quiet: the failure surfaces as the rejection of the client's next query.
  client.on('error', () => undefined);
  return client;
}
