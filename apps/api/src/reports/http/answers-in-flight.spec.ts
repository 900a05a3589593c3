import { AnswersInFlight } from './answers-in-flight';

describe('AnswersInFlight', () => {
  it('lets a request join the fold in flight for its key, and forgets the key once the fold settles, failed or not', async () => {
    const inFlight = new AnswersInFlight<string>();
    let open!: (value: string) => void;
    const led = inFlight.lead('/a?knownAt=1', () => new Promise<string>((resolve) => (open = resolve)));
    // given a fold in flight: the same key joins it, another key finds none
    expect(inFlight.joined('/a?knownAt=1')).toBe(led);
    expect(inFlight.joined('/b?knownAt=1')).toBeUndefined();
    open('answer');
    await expect(led).resolves.toBe('answer');
    expect(inFlight.joined('/a?knownAt=1')).toBeUndefined();
    // a failed fold is not remembered either: the next request folds again
    const failed = inFlight.lead('/a?knownAt=1', () => Promise.reject(new Error('db gone')));
    await expect(failed).rejects.toThrow('db gone');
    expect(inFlight.size).toBe(0);
  });
});
