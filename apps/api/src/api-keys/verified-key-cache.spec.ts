import fc from 'fast-check';
import { Principal } from '../auth/principal';
import { VerifiedKeyCache } from './verified-key-cache';

const alice: Principal = { keyId: 'k1', name: 'alice', role: 'contributor' };
const bob: Principal = { keyId: 'k2', name: 'bob', role: 'editor' };

describe('VerifiedKeyCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('given a verified key, trusts it until the TTL and asks again after', () => {
    const cache = new VerifiedKeyCache(5_000, 10, now);
    cache.remember('h1', alice);
    clock += 4_999;
    expect(cache.get('h1')).toEqual(alice);
    clock += 1;
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets a revoked key at once, and only that key', () => {
    const cache = new VerifiedKeyCache(5_000, 10, now);
    cache.remember('h1', alice);
    cache.remember('h1-other-secret', alice);
    cache.remember('h2', bob);
    cache.forgetKeyId('k1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h1-other-secret')).toBeUndefined();
    expect(cache.get('h2')).toEqual(bob);
  });

  it('keeps nothing when the TTL is 0', () => {
    const cache = new VerifiedKeyCache(0, 10, now);
    cache.remember('h1', alice);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('never holds more than its bound, dropping the oldest check first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 200 }), (bound, hashes) => {
        const cache = new VerifiedKeyCache(60_000, bound, now);
        for (const h of hashes) cache.remember(`h${h}`, alice);
        expect(cache.size).toBeLessThanOrEqual(bound);
        const last = hashes[hashes.length - 1];
        if (last !== undefined) expect(cache.get(`h${last}`)).toEqual(alice);
      }),
    );
  });
});
