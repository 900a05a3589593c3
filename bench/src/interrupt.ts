let interrupted = false;

/** True once a signal arrived: errors that follow (a closed pool, say) are its consequence, not failures. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * Runs `cleanup` once if the process is interrupted (Ctrl-C, kill), then exits, so an aborted run
 * does not leave its database (or the broker it started) behind. Returns a function that removes the handlers.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals) => {
    interrupted = true;
    process.stderr.write(`\n${signal}: cleaning up (benchmark database, Kafka broker started by this run)...\n`);
    cleanup()
      .catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
      .finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
  };
  for (const signal of signals) process.once(signal, handler);
  return () => signals.forEach((signal) => process.off(signal, handler));
}
