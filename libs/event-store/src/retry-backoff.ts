/** How long a loop that keeps failing waits before its next try. */
export interface BackoffPolicy {
  /** The wait's ceiling after the first failure; it doubles with each failure in a row. */
  initialMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
}

/** The catch-up loops' default: a dropped connection is retried within a tenth of a second, a dead dependency every 10 s at most. */
export const DEFAULT_RETRY_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 10_000 };

/**
 * The wait before the next try after `failures` failures in a row (1 for the first): exponential,
 * capped, with "equal jitter" (a uniform draw in the upper half of the ceiling). The jitter keeps
 * the relays, projectors and API instances that lost the same dependency at the same moment from
 * retrying in lockstep; the lower half bound keeps a loop from ever retrying at once.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const doublings = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** doublings);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Counts the failures in a row of one loop and says how long to wait after each; a success starts over. */
export class RetryBackoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_RETRY_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  /** Records one more failure; returns how long to wait before the next try. */
  failed(): number {
    this.failures += 1;
    return backoffDelay(this.failures, this.policy, this.random);
  }

  succeeded(): void {
    this.failures = 0;
  }

  get failuresInARow(): number {
    return this.failures;
  }
}
