/**
 * Answers being folded, by the permalink they are expected under (single flight): a request that
 * misses the published answers while another request is already folding the same answer waits for
 * that one instead of folding it again. When a judgement minute turns, every live answer misses at
 * once; a popular report is then folded once, not once per reader. The entry goes when the fold
 * settles (its answer is published by then), so a failed fold is not remembered: the next request
 * folds again.
 */
export class AnswersInFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  /** The fold in flight for this key, if any. */
  joined(key: string): Promise<T> | undefined {
    return this.running.get(key);
  }

  /** Runs `fold` as the one in flight for `key` until it settles. */
  lead(key: string, fold: () => Promise<T>): Promise<T> {
    const result = fold().finally(() => {
      if (this.running.get(key) === result) this.running.delete(key);
    });
    this.running.set(key, result);
    return result;
  }

  /** How many folds are in flight (for tests and metrics). */
  get size(): number {
    return this.running.size;
  }
}
