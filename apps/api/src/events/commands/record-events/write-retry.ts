import { DatabaseError } from 'pg';

/** Longest pause between two attempts of a contended write. */
const MAX_DELAY_MS = 1000;

/**
 * Pause before attempt `attempt + 1` of a write that lost a race: exponential backoff with full
 * jitter, so writers that collided spread out instead of colliding again in step.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.min(attempt, 20));
  return Math.floor(random() * ceiling);
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A concurrent request with the same idempotency key committed first (primary key of idempotency_keys). */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '23505' && error.table === 'idempotency_keys';
}
