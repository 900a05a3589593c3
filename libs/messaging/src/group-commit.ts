/**
 * Group commit for work items that arrive together: items submitted in the same turn of the event
 * loop (and any that arrive while a group is being applied) are handed to `apply` as one group, one
 * group at a time; each submitter gets its own item's result. kafkajs hands the partitions of one
 * fetch to its workers in the same turn, so their chunks share one transaction instead of queueing,
 * one transaction each, behind the lock the watermark takes.
 */
export class GroupCommit<Item, Result> {
  private waiting: Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;
  private applying = false;

  /** `apply` answers one result per item, in the items' order; if it throws, every item of the group fails with the error. */
  constructor(private readonly apply: (items: Item[]) => Promise<Result[]>) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.applying) return;
    this.scheduled = true;
    // setImmediate runs after the promise jobs of this turn: every worker of the fetch has submitted by then.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    this.applying = true;
    try {
      const results = await this.apply(group.map((entry) => entry.item));
      group.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      for (const entry of group) entry.reject(error);
    } finally {
      this.applying = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}
