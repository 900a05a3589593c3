/**
 * One read shared by the callers that want it at about the same time, never one that started before
 * a caller asked: a caller arriving while a read is in flight waits for the next one, which starts
 * once that read settles and is shared by everyone who arrived meanwhile. So a caller sees a value
 * at least as fresh as its own arrival (a report asked after `waitForPosition` returned never gets
 * an older read-model position), while 16 readers asking at once cost one or two reads, not 16.
 */
export class SharedFreshRead<T> {
  private current: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.current) return this.start();
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const started: Promise<T> = this.read().finally(() => {
      if (this.current === started) this.current = null;
    });
    this.current = started;
    return started;
  }
}
