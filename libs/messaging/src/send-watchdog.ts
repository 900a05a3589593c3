/** A broker send that has been waiting for its acknowledgement too long. */
export class SendStalledError extends Error {}

export interface SendWatchdogHooks {
  /** A send has waited `afterMs` (said once per stall). */
  stalled: (error: SendStalledError) => void;
  /** A send was acknowledged after a stall. */
  resumed: () => void;
}

/**
 * Says early that sends are stuck: kafkajs retries a send for about half a minute before it gives
 * up, and only then would the relay hear of a broker that is down. The send itself is left alone
 * (it keeps retrying with its own backoff); only what the relay reports changes.
 */
export class SendWatchdog {
  private stalled = false;

  constructor(
    private readonly afterMs: number,
    private readonly hooks: SendWatchdogHooks,
  ) {}

  async watch<T>(send: Promise<T>): Promise<T> {
    const started = Date.now();
    const timer = setTimeout(() => {
      this.stalled = true;
      this.hooks.stalled(new SendStalledError(`the broker has not acknowledged a send for ${Date.now() - started} ms; still retrying`));
    }, this.afterMs);
    try {
      const result = await send;
      if (this.stalled) {
        this.stalled = false;
        this.hooks.resumed();
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  }
}
