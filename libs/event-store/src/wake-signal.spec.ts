import { WakeSignal } from './wake-signal';

describe('how a catch-up loop sleeps', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('wakes from its poll at the first nudge', async () => {
    const signal = new WakeSignal();
    const woke = settled(signal.sleep(60_000));
    signal.nudge();
    await jest.advanceTimersByTimeAsync(0);
    expect(woke()).toBe(true);
  });

  it('backs off for the whole wait whatever nudges say, and only a stop cuts it short', async () => {
    const signal = new WakeSignal();
    const waited = settled(signal.backOff(1000));
    signal.nudge();
    await jest.advanceTimersByTimeAsync(999);
    expect(waited()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(waited()).toBe(true);

    const stopped = settled(signal.backOff(10_000));
    signal.interrupt();
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped()).toBe(true);
  });
});
