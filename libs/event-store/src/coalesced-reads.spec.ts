import { CoalescedReads } from './coalesced-reads';

/** A readMany whose reads finish when the test says, recording the keys each read was asked for. */
function controlledSource(values: Record<string, number>) {
  const reads: Array<{ keys: string[]; finish(): void; fail(error: Error): void }> = [];
  const readMany = (keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      reads.push({
        keys,
        finish: () => resolve(new Map(keys.filter((k) => k in values).map((k) => [k, values[k]]))),
        fail: reject,
      });
    });
  return { reads, readMany };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedReads', () => {
  it('given a read in flight, when others ask meanwhile, then they go together in the next read and each gets its own keys', async () => {
    const source = controlledSource({ a: 1, b: 2, c: 3 });
    const reads = new CoalescedReads(source.readMany, { maxKeys: 100, maxInFlight: 1 });
    const first = reads.read(['a']);
    const second = reads.read(['b', 'x']);
    const third = reads.read(['c', 'b']);
    expect(source.reads.map((r) => r.keys)).toEqual([['a']]);
    source.reads[0].finish();
    await expect(first).resolves.toEqual(new Map([['a', 1]]));
    await flush();
    // Asked while the first read was under way: read again, after they asked, in one query, each key once.
    expect(source.reads.map((r) => r.keys)).toEqual([['a'], ['b', 'x', 'c']]);
    source.reads[1].finish();
    await expect(second).resolves.toEqual(new Map([['b', 2]]));
    await expect(third).resolves.toEqual(new Map([['c', 3], ['b', 2]]));
  });

  it('given the key limit, when callers wait, then a read stops growing at the limit without splitting a caller', async () => {
    const source = controlledSource({});
    const reads = new CoalescedReads(source.readMany, { maxKeys: 3, maxInFlight: 1 });
    void reads.read(['a']);
    const waiting = [reads.read(['b', 'c']), reads.read(['d', 'e']), reads.read(['f'])];
    source.reads[0].finish();
    await flush();
    expect(source.reads[1].keys).toEqual(['b', 'c']);
    source.reads[1].finish();
    await flush();
    expect(source.reads[2].keys).toEqual(['d', 'e', 'f']);
    source.reads[2].finish();
    await Promise.all(waiting);
  });

  it('given two reads allowed at once, when a third caller asks, then it waits for one of them', async () => {
    const source = controlledSource({ a: 1 });
    const reads = new CoalescedReads(source.readMany, { maxKeys: 100, maxInFlight: 2 });
    void reads.read(['a']);
    void reads.read(['b']);
    const third = reads.read(['a']);
    expect(source.reads).toHaveLength(2);
    source.reads[1].finish();
    await flush();
    expect(source.reads.map((r) => r.keys)).toEqual([['a'], ['b'], ['a']]);
    source.reads[2].finish();
    await expect(third).resolves.toEqual(new Map([['a', 1]]));
  });

  it('given a read that fails, then its callers hear the error and later callers are read again', async () => {
    const source = controlledSource({ a: 1 });
    const reads = new CoalescedReads(source.readMany, { maxKeys: 100, maxInFlight: 1 });
    const failed = reads.read(['a']);
    const later = reads.read(['a']);
    source.reads[0].fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await flush();
    source.reads[1].finish();
    await expect(later).resolves.toEqual(new Map([['a', 1]]));
  });

  it('asks nothing for no keys', async () => {
    const source = controlledSource({});
    await expect(new CoalescedReads(source.readMany, { maxKeys: 1, maxInFlight: 1 }).read([])).resolves.toEqual(new Map());
    expect(source.reads).toHaveLength(0);
  });
});
