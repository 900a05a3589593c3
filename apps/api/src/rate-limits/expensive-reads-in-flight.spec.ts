import { ExpensiveReadsInFlight } from './expensive-reads-in-flight';

describe('ExpensiveReadsInFlight', () => {
  it('admits one read per client and a few in all, and frees a place when an answer is gone (once, however often released)', () => {
    const inFlight = new ExpensiveReadsInFlight({ perClient: 1, total: 2 });
    const a = inFlight.enter('address:a');
    expect(typeof a).toBe('function');
    expect(inFlight.enter('address:a')).toBe('client');
    const b = inFlight.enter('key:b');
    expect(typeof b).toBe('function');
    expect(inFlight.enter('address:c')).toBe('process');
    (a as () => void)();
    (a as () => void)();
    expect(typeof inFlight.enter('address:c')).toBe('function');
    expect(inFlight.enter('address:d')).toBe('process');
  });
});
