import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface BudgetLimits {
  perMinute: number;
  expensivePerMinute: number;
}

/**
 * One budget per client across every route (a client that exhausted it on one route is refused on
 * all), and a tighter one for expensive reads that those reads also draw on. Counted in this process's
 * memory: a fixed one-minute window per client.
 */
export class ClientBudgets {
  private readonly general: RateLimiterMemory;
  private readonly expensive: RateLimiterMemory;

  constructor(limits: BudgetLimits) {
    this.general = new RateLimiterMemory({ keyPrefix: 'all', points: limits.perMinute, duration: 60 });
    this.expensive = new RateLimiterMemory({ keyPrefix: 'expensive', points: limits.expensivePerMinute, duration: 60 });
  }

  /** Charges one request to the client; null when allowed, else the seconds until it may retry. */
  charge(client: string): Promise<number | null> {
    return consume(this.general, client);
  }

  /** Charges one expensive read to the client's tighter budget alone (its request was charged already). */
  chargeExpensive(client: string): Promise<number | null> {
    return consume(this.expensive, client);
  }
}

async function consume(limiter: RateLimiterMemory, client: string): Promise<number | null> {
  try {
    await limiter.consume(client);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}
