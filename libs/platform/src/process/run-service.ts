import { ConfigError } from '../config/app-config';

/** One part of a running service, stopped by its owner (named so a failure or a hang says which). */
export interface StopStep {
  name: string;
  stop(): Promise<void>;
}

export interface RunningService {
  /** Stopped in this order (what serves first, what everything stands on last), each one whatever became of the previous. */
  stopSteps: StopStep[];
  /** Past it, the process gives up waiting, names the step it was stuck in and exits 1. */
  stopTimeoutMs: number;
  /** Where the stop is reported (the service's own logger); plain `[name]` lines by default. */
  log?: (message: string) => void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs a long-lived process: starts it, and on SIGINT/SIGTERM stops its steps in order within a
 * deadline and exits 0 (1, naming the step, if a step failed or hung). A signal during start-up
 * is honoured once start-up ends. A start-up failure exits 1 with a readable message (a bad
 * variable is named, not stack-traced). A second signal while stopping exits at once.
 */
export function runService(name: string, start: () => Promise<RunningService>): void {
  const plain = (message: string) => process.stdout.write(`[${name}] ${message}\n`);
  let service: RunningService | null = null;
  let requested: string | null = null;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping || !service) return;
    stopping = true;
    const log = service.log ?? plain;
    log(`${signal}: stopping`);
    const failures = await stopInOrder(service.stopSteps, service.stopTimeoutMs);
    if (failures.length > 0) log(`stopped with ${failures.length} error(s)`);
    for (const failure of failures) process.stderr.write(`[${name}] ${failure}\n`);
    if (failures.length === 0) log('stopped');
    process.exit(failures.length === 0 ? 0 : 1);
  };
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (stopping) {
        process.stderr.write(`[${name}] ${signal} again: exiting without finishing the stop\n`);
        process.exit(1);
      }
      requested ??= signal;
      void stop(signal);
    });
  }

  start()
    .then((started) => {
      service = started;
      if (requested) void stop(requested);
    })
    .catch((error) => {
      process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${name} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}

/** Runs the steps in order, each whatever became of the previous; returns what went wrong (failed steps, or the step still running at the deadline). */
export async function stopInOrder(stopSteps: readonly StopStep[], timeoutMs: number): Promise<string[]> {
  const failures: string[] = [];
  let current = '';
  const steps = (async () => {
    for (const step of stopSteps) {
      current = step.name;
      try {
        await step.stop();
      } catch (error) {
        failures.push(`error while stopping ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    current = '';
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  const outcome = await Promise.race([steps.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') failures.push(`did not stop within ${timeoutMs} ms (still stopping ${current}); exiting`);
  return failures;
}

/** Exit status of a command stopped by SIGINT/SIGTERM (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Runs a one-shot command and exits with its code; an unexpected failure prints its message and
 * exits 1. The first SIGINT/SIGTERM aborts `interrupt`: the command stops at a safe point, says
 * what it did and cleans up (closes its database, stops an embedded server). A second one exits at once.
 */
export function runCommand(name: string, command: (interrupt: AbortSignal) => Promise<number>): void {
  const controller = new AbortController();
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (controller.signal.aborted) {
        process.stderr.write(`\n[${name}] ${signal} again: exiting at once\n`);
        process.exit(INTERRUPTED_EXIT_CODE);
      }
      process.stderr.write(`\n[${name}] ${signal}: stopping at the next safe point (again to exit at once)\n`);
      controller.abort();
    });
  }
  command(controller.signal).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`\n${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
