import fc from 'fast-check';
import { backoffDelayMs } from './write-retry';

describe('backoff between attempts of a contended write', () => {
  it('stays between 0 and the doubled base, capped at one second, whatever the draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (attempt, base, draw) => {
        const delay = backoffDelayMs(attempt, base, () => draw);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(1000, base * 2 ** attempt));
      }),
    );
  });

  it('spreads writers over a window that doubles with each attempt', () => {
    expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt, 5, () => 0.9999))).toEqual([9, 19, 39]);
  });
});
