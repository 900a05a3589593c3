/**
 * Writers of the same streams in this process take turns: each waits for the writers that came
 * before it on any of its streams, then decides and appends. Without it, fifty requests to one
 * stream all read the same version and all but one must decide again, over and over. Across
 * processes the store's version check (and a retry on fresh state) still decides.
 *
 * A writer's place in every queue is taken synchronously, so waits only ever point at writers
 * that queued earlier: no cycle, no deadlock, whatever the order of the stream ids.
 */
export class StreamTurns {
  private readonly lastInLine = new Map<string, Promise<void>>();

  async take<T>(streamIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const keys = [...new Set(streamIds)];
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const before = keys.map((key) => this.lastInLine.get(key));
    keys.forEach((key) => this.lastInLine.set(key, mine));
    try {
      await Promise.all(before);
      return await work();
    } finally {
      done();
      keys.forEach((key) => this.lastInLine.get(key) === mine && this.lastInLine.delete(key));
    }
  }

  /** Streams with someone in line (for tests: empty once every turn is over). */
  get busyStreams(): number {
    return this.lastInLine.size;
  }
}
