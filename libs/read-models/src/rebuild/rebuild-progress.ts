/** Where a rebuild stands, measured against the log head. */
export interface RebuildProgress {
  /** Lowest position the shadow tables have reached. */
  position: number;
  head: number;
  /** Events applied by this run (a resumed run counts from where it resumed). */
  applied: number;
  eventsPerSecond: number;
  /** Estimated seconds until the head is reached; null before a rate is known. */
  secondsLeft: number | null;
}

export function measureProgress(startedAt: number, startPosition: number, position: number, head: number, now = Date.now()): RebuildProgress {
  const applied = Math.max(0, position - startPosition);
  const seconds = (now - startedAt) / 1000;
  const eventsPerSecond = seconds > 0 ? applied / seconds : 0;
  const secondsLeft = eventsPerSecond > 0 ? Math.max(0, head - position) / eventsPerSecond : null;
  return { position, head, applied, eventsPerSecond, secondsLeft };
}

/** One line for a terminal: `1200/3000 events (40.0%), 850 ev/s, ~2s left`. */
export function formatProgress(progress: RebuildProgress): string {
  const percent = progress.head > 0 ? ((100 * progress.position) / progress.head).toFixed(1) : '100.0';
  const left = progress.secondsLeft === null ? '?' : `~${Math.ceil(progress.secondsLeft)}s`;
  return `${progress.position}/${progress.head} events (${percent}%), ${Math.round(progress.eventsPerSecond)} ev/s, ${left} left`;
}
