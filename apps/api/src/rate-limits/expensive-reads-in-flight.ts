/**
 * How many expensive reads run at once: one per client, and a few in the whole process. A budget per
 * minute alone lets a burst of them fold at the same time (each holds a stakeholder's whole history
 * in memory and the CPU for its fold); past these bounds a read is refused at once instead of queued.
 */
export class ExpensiveReadsInFlight {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { perClient: number; total: number }) {}

  /** 'client' or 'process' when that bound is reached; else a release to call once the answer is gone. */
  enter(client: string): (() => void) | 'client' | 'process' {
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) return 'client';
    if (this.total >= this.limits.total) return 'process';
    this.perClient.set(client, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }
}
