import fc from 'fast-check';
import { StreamTurns } from './stream-turns';

describe('turns of writers on the same streams', () => {
  it('never lets two writers sharing a stream work at once, and lets every writer finish', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }), async (writers) => {
        const turns = new StreamTurns();
        const working = new Set<string>();
        const finished = await Promise.all(
          writers.map((streams, index) =>
            turns.take(streams, async () => {
              for (const stream of streams) {
                expect(working.has(stream)).toBe(false);
                working.add(stream);
              }
              await new Promise((resolve) => setImmediate(resolve));
              streams.forEach((stream) => working.delete(stream));
              return index;
            }),
          ),
        );
        expect(finished).toEqual(writers.map((_, index) => index));
        expect(turns.busyStreams).toBe(0);
      }),
    );
  });

  it('lets writers of different streams work side by side', async () => {
    const turns = new StreamTurns();
    let release!: () => void;
    const blocked = turns.take(['a'], () => new Promise<void>((resolve) => (release = resolve)));
    await turns.take(['b'], async () => undefined);
    release();
    await blocked;
  });

  it('passes the turn on when a writer fails', async () => {
    const turns = new StreamTurns();
    await expect(turns.take(['a'], async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(turns.take(['a'], async () => 'next')).resolves.toBe('next');
  });
});
