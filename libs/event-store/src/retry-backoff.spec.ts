import fc from 'fast-check';
import { backoffDelay, BackoffPolicy, RetryBackoff } from './retry-backoff';

const POLICY: BackoffPolicy = { initialMs: 100, maxMs: 10_000 };

describe('the retry schedule of the catch-up loops', () => {
  it('doubles its ceiling with each failure in a row, up to the cap', () => {
    const highest = (failures: number) => backoffDelay(failures, POLICY, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(highest)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });

  it('draws each wait in the upper half of its ceiling (jitter, never an immediate retry)', () => {
    const lowest = (failures: number) => backoffDelay(failures, POLICY, () => 0);
    expect([1, 2, 3, 8, 20].map(lowest)).toEqual([50, 100, 200, 5000, 5000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, draw) => {
        const ceiling = Math.min(POLICY.maxMs, POLICY.initialMs * 2 ** Math.min(failures - 1, 30));
        const wait = backoffDelay(failures, POLICY, () => draw);
        return wait >= ceiling / 2 && wait <= ceiling && Number.isFinite(wait);
      }),
    );
  });

  it('spreads loops that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(6, POLICY)));
    expect(waits.size).toBeGreaterThan(10);
  });

  it('starts over after a success', () => {
    const backoff = new RetryBackoff(POLICY, () => 1);
    expect([backoff.failed(), backoff.failed(), backoff.failed()]).toEqual([100, 200, 400]);
    backoff.succeeded();
    expect(backoff.failuresInARow).toBe(0);
    expect(backoff.failed()).toBe(100);
  });
});
