/**
 * How a catch-up loop sleeps: until its poll interval passes or something nudges it (a commit in
 * this process, a NOTIFY from another). A nudge that arrives while the loop is working is kept,
 * so the next sleep returns at once instead of waiting for the poll. After a failure the loop
 * backs off instead: nudges do not cut that wait short (an append says nothing about a broker that
 * is down, and a retry per append would hammer a failing dependency); only `interrupt` (the loop
 * stops) does.
 */
export class WakeSignal {
  private pending = false;
  private wake: (() => void) | null = null;
  private interruptSleep: (() => void) | null = null;

  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Ends the current sleep or back-off at once (the loop is stopping: it checks before sleeping again). */
  interrupt(): void {
    this.pending = true;
    this.interruptSleep?.();
  }

  /** Call before each round of work: nudges from now on are for the next round. */
  clear(): void {
    this.pending = false;
  }

  async sleep(ms: number): Promise<void> {
    if (this.pending) return;
    await this.wait(ms, true);
  }

  /** Waits the whole `ms` whatever nudges arrive; `interrupt` ends it. */
  backOff(ms: number): Promise<void> {
    return this.wait(ms, false);
  }

  private async wait(ms: number, nudgeable: boolean): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      const end = () => {
        clearTimeout(timer);
        resolve();
      };
      this.interruptSleep = end;
      if (nudgeable) this.wake = end;
    });
    this.wake = null;
    this.interruptSleep = null;
  }
}
