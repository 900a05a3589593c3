import { Stoppable, SupervisedWorker, WorkerStarter } from './supervised-worker';

/** A worker whose starts succeed or fail as the test says, and whose crash the test triggers. */
function fakeWorker(outcomes: Array<'ok' | 'fail'>) {
  const started: Array<{ crash: (error: unknown) => void; stopped: boolean }> = [];
  const starter: WorkerStarter = async (crash) => {
    const outcome = outcomes.shift() ?? 'ok';
    if (outcome === 'fail') throw new Error('broker unreachable');
    const instance = { crash, stopped: false };
    started.push(instance);
    return { stop: async () => void (instance.stopped = true) } satisfies Stoppable;
  };
  return { starter, started };
}

describe('SupervisedWorker: a crashed in-process worker is reported, then restarted with a doubling backoff', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const logs: string[] = [];
  const options = { initialBackoffMs: 100, maxBackoffMs: 400, log: (_level: string, message: string) => void logs.push(message) };

  it('is running after its first start, crashed after a crash, running again after the backoff', async () => {
    const { starter, started } = fakeWorker(['ok', 'ok']);
    const worker = new SupervisedWorker('projector', starter, options);
    await worker.start();
    expect(worker.snapshot).toMatchObject({ state: 'running', restarts: 0 });
    started[0].crash(new Error('kafkajs gave up'));
    expect(worker.snapshot).toMatchObject({ state: 'crashed', lastError: 'kafkajs gave up' });
    await jest.advanceTimersByTimeAsync(99);
    expect(started).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    expect(started[0].stopped).toBe(true);
    expect(worker.snapshot).toMatchObject({ state: 'running', restarts: 1 });
  });

  it('doubles the wait while starts fail, up to the maximum, and resets it after a success', async () => {
    const { starter, started } = fakeWorker(['ok', 'fail', 'fail', 'fail', 'ok', 'ok']);
    const worker = new SupervisedWorker('relay', starter, options);
    await worker.start();
    started[0].crash(new Error('x'));
    // Waits: 100 (fails), 200 (fails), 400 (fails), 400 (capped; succeeds).
    await jest.advanceTimersByTimeAsync(100 + 200 + 400 + 399);
    expect(started).toHaveLength(1);
    expect(worker.snapshot.state).toBe('crashed');
    await jest.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    started[1].crash(new Error('y'));
    await jest.advanceTimersByTimeAsync(100);
    expect(started).toHaveLength(3);
    expect(worker.snapshot).toMatchObject({ state: 'running', restarts: 2 });
  });

  it('ignores a late crash report from an instance it already replaced, and a crash while stopping', async () => {
    const { starter, started } = fakeWorker([]);
    const worker = new SupervisedWorker('projector', starter, options);
    await worker.start();
    started[0].crash(new Error('first'));
    await jest.advanceTimersByTimeAsync(100);
    started[0].crash(new Error('late echo'));
    expect(worker.snapshot.state).toBe('running');
    await worker.stop();
    started[1].crash(new Error('during stop'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(started).toHaveLength(2);
    expect(worker.snapshot.state).toBe('stopped');
  });

  it('degraded and recovered: a worker alive but failing its rounds', async () => {
    const worker = new SupervisedWorker('relay', fakeWorker([]).starter, options);
    await worker.start();
    worker.degraded(new Error('broker down'));
    expect(worker.snapshot).toMatchObject({ state: 'degraded', lastError: 'broker down' });
    worker.recovered();
    expect(worker.snapshot.state).toBe('running');
  });
});
