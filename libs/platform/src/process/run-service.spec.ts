import { stopInOrder, StopStep } from './run-service';

describe('stopInOrder', () => {
  const step = (name: string, done: string[], outcome: 'ok' | 'fail' | 'hang' = 'ok'): StopStep => ({
    name,
    stop: () => {
      done.push(name);
      if (outcome === 'fail') return Promise.reject(new Error(`${name} broke`));
      if (outcome === 'hang') return new Promise<void>(() => undefined);
      return Promise.resolve();
    },
  });

  it('stops every step in order and reports nothing when all went well', async () => {
    const done: string[] = [];
    expect(await stopInOrder([step('http', done), step('database', done), step('embedded server', done)], 10_000)).toEqual([]);
    expect(done).toEqual(['http', 'database', 'embedded server']);
  });

  it('still stops the later steps when one fails, and names the failed one', async () => {
    const done: string[] = [];
    expect(await stopInOrder([step('http', done, 'fail'), step('database', done)], 10_000)).toEqual(['error while stopping http: http broke']);
    expect(done).toEqual(['http', 'database']);
  });

  it('gives up at the deadline, naming the step it was stuck in', async () => {
    const done: string[] = [];
    expect(await stopInOrder([step('http', done), step('kafka consumer', done, 'hang'), step('database', done)], 50)).toEqual([
      'did not stop within 50 ms (still stopping kafka consumer); exiting',
    ]);
    expect(done).toEqual(['http', 'kafka consumer']);
  });
});
