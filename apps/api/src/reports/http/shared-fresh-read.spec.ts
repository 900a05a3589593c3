import { SharedFreshRead } from './shared-fresh-read';

describe('SharedFreshRead', () => {
  it('shares a read among the callers that arrive while one is in flight, with one started after they arrived', async () => {
    let value = 0;
    const pending: Array<() => void> = [];
    const reads = new SharedFreshRead(() => {
      const seen = value; // the value as it stands when the read starts
      return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
    });
    // given a read in flight that started at value 0
    const first = reads.get();
    // when the value moves and three callers arrive while that read is in flight
    value = 1;
    const late = [reads.get(), reads.get(), reads.get()];
    expect(pending).toHaveLength(1);
    pending.shift()!();
    // then the first caller gets its read, and the late ones share one read started after they arrived
    expect(await first).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toHaveLength(1);
    pending.shift()!();
    expect(await Promise.all(late)).toEqual([1, 1, 1]);
    // and a caller arriving when nothing is in flight starts its own
    value = 2;
    const alone = reads.get();
    pending.shift()!();
    expect(await alone).toBe(2);
  });

  it('lets the next read go ahead when the one in flight failed, and passes a failure only to those who shared it', async () => {
    let calls = 0;
    const reads = new SharedFreshRead(() => (++calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve(calls)));
    const failed = reads.get();
    const next = reads.get();
    await expect(failed).rejects.toThrow('connection lost');
    await expect(next).resolves.toBe(2);
  });
});
