import { ConfigError } from '../config/app-config';

/**
 * Runs a long-lived process: starts it, stops it cleanly on SIGINT/SIGTERM, and exits non-zero
 * with a readable message when start-up fails (a bad variable is named, not stack-traced).
 */
export function runService(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  const log = (message: string) => process.stdout.write(`[${name}] ${message}\n`);
  start()
    .then((service) => {
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: stopping`);
        await service.stop().catch((error) => log(`error while stopping: ${String(error)}`));
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    })
    .catch((error) => {
      process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${name} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}

/** Runs a one-shot command and exits with its code; an unexpected failure prints its message and exits 1. */
export function runCommand(name: string, command: () => Promise<number>): void {
  command().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`\n${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
