import { RowCache } from './row-cache';

const row = (id: string, lastPosition: number) => ({ id, lastPosition });

describe('RowCache', () => {
  it('started on an empty table, knows every row until it drops one', () => {
    const cache = new RowCache(2, true);
    expect(cache.unknown(['a', 'b'])).toEqual([]);
    cache.remember('a', row('a', 1));
    cache.remember('b', null);
    expect(cache.get('a')).toEqual(row('a', 1));
    expect(cache.get('b')).toBeNull();
    // a third row drops the least recently written one, and the cache no longer knows what it has not seen
    cache.remember('c', row('c', 3));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.unknown(['a', 'b', 'c', 'd'])).toEqual(['a', 'd']);
  });

  it('keeps the most recently written rows', () => {
    const cache = new RowCache(2, false);
    cache.remember('a', row('a', 1));
    cache.remember('b', row('b', 2));
    cache.remember('a', row('a', 3));
    cache.remember('c', row('c', 4));
    expect(cache.get('a')).toEqual(row('a', 3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.unknown(['a', 'b', 'c'])).toEqual(['b']);
  });
});
