/**
 * Reads by key that arrive while `maxInFlight` reads are under way wait, then go together as one
 * read of all their keys (as group commit does for appends): 32 writers each loading their streams
 * cost a few queries, not 32 round trips and 32 pool checkouts.
 *
 * Freshness is that of a read of one's own: a caller's keys are only ever read by a query that
 * starts after the caller asked, so it sees every commit that finished before it asked (a writer
 * that waited for another writer's append sees that append).
 */
export class CoalescedReads<V> {
  private readonly waiting: Array<{ keys: readonly string[]; resolve(values: Map<string, V>): void; reject(error: unknown): void }> = [];
  private inFlight = 0;

  /**
   * @param readMany reads every key given (each key once) and answers those that exist
   * @param maxKeys a read grows until it holds this many keys (one caller's keys always go together)
   */
  constructor(
    private readonly readMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly limits: { maxKeys: number; maxInFlight: number },
  ) {}

  /** The values of `keys` that exist, by key. */
  read(keys: readonly string[]): Promise<Map<string, V>> {
    if (keys.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      this.waiting.push({ keys, resolve, reject });
      this.startReads();
    });
  }

  private startReads(): void {
    while (this.waiting.length > 0 && this.inFlight < this.limits.maxInFlight) void this.readOnce(this.takeGroup());
  }

  private takeGroup(): typeof this.waiting {
    const group: typeof this.waiting = [];
    const keys = new Set<string>();
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (group.length > 0 && keys.size + next.keys.length > this.limits.maxKeys) break;
      group.push(this.waiting.shift()!);
      for (const key of next.keys) keys.add(key);
    }
    return group;
  }

  private async readOnce(group: typeof this.waiting): Promise<void> {
    this.inFlight += 1;
    try {
      const values = await this.readMany([...new Set(group.flatMap((caller) => caller.keys))]);
      for (const caller of group) {
        const own = new Map<string, V>();
        for (const key of caller.keys) if (values.has(key)) own.set(key, values.get(key)!);
        caller.resolve(own);
      }
    } catch (error) {
      for (const caller of group) caller.reject(error);
    } finally {
      this.inFlight -= 1;
      this.startReads();
    }
  }
}
