/**
 * How a catch-up loop sleeps: until its poll interval passes or something nudges it (a commit in
 * this process, a NOTIFY from another). A nudge that arrives while the loop is working is kept,
 * so the next sleep returns at once instead of waiting for the poll.
 */
export class WakeSignal {
  private pending = false;
  private wake: (() => void) | null = null;

  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Call before each round of work: nudges from now on are for the next round. */
  clear(): void {
    this.pending = false;
  }

  async sleep(ms: number): Promise<void> {
    if (this.pending) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }
}
