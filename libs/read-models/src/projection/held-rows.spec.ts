import { HeldRows } from './held-rows';

const row = (id: string, lastPosition: number) => ({ id, lastPosition });

describe('HeldRows', () => {
  it('started on an empty table, knows every row until written rows are dropped', () => {
    const held = new HeldRows(2, true, 0);
    expect(held.unknown(['a', 'b'])).toEqual([]);
    held.hold('a', row('a', 1));
    held.hold('b', null);
    expect(held.get('a')).toEqual(row('a', 1));
    expect(held.get('b')).toBeNull();
    held.hold('c', row('c', 3));
    // three changed rows wait: none is dropped before it is written, but the writer is told to write
    expect(held.full).toBe(true);
    expect(held.unknown(['a', 'b', 'c', 'd'])).toEqual([]);
    expect(held.takeDirty()).toEqual({ upserts: [row('a', 1), row('c', 3)], deletes: ['b'] });
    // once written, the first held is dropped, and the table alone knows it
    expect(held.full).toBe(false);
    expect(held.takeDirty()).toEqual({ upserts: [], deletes: [] });
    expect(held.get('a')).toBeUndefined();
    expect(held.unknown(['a', 'b', 'c', 'd'])).toEqual(['a', 'd']);
  });

  it('writes each changed row once, as last held, and keeps the rows held last', () => {
    const held = new HeldRows(2, false, 0);
    held.hold('a', row('a', 1));
    held.hold('b', row('b', 2));
    held.hold('a', row('a', 3));
    expect(held.takeDirty().upserts).toEqual([row('a', 3), row('b', 2)]);
    held.hold('c', row('c', 4));
    expect(held.takeDirty().upserts).toEqual([row('c', 4)]);
    expect(held.get('a')).toBeUndefined();
    expect(held.get('b')).toEqual(row('b', 2));
    expect(held.unknown(['a', 'b', 'c'])).toEqual(['a']);
  });
});
