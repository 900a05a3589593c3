import { SendStalledError, SendWatchdog } from './send-watchdog';

describe('the send watchdog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const watchdog = () => {
    const heard: string[] = [];
    const dog = new SendWatchdog(3000, { stalled: (error) => heard.push(error instanceof SendStalledError ? 'stalled' : 'other'), resumed: () => heard.push('resumed') });
    return { dog, heard };
  };
  const deferred = () => {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
    return { promise, resolve, reject };
  };

  it('says nothing of a send acknowledged in time', async () => {
    const { dog, heard } = watchdog();
    const send = deferred();
    const watched = dog.watch(send.promise);
    jest.advanceTimersByTime(2999);
    send.resolve();
    await watched;
    jest.advanceTimersByTime(10_000);
    expect(heard).toEqual([]);
  });

  it('says a send stalled once it waited the threshold, and resumed when a later send is acknowledged', async () => {
    const { dog, heard } = watchdog();
    const stuck = deferred();
    const first = dog.watch(stuck.promise).catch((error: Error) => error.message);
    jest.advanceTimersByTime(3000);
    expect(heard).toEqual(['stalled']);
    stuck.reject(new Error('retries exhausted'));
    expect(await first).toBe('retries exhausted');
    expect(heard).toEqual(['stalled']);
    const next = deferred();
    const second = dog.watch(next.promise);
    next.resolve();
    await second;
    expect(heard).toEqual(['stalled', 'resumed']);
  });
});
