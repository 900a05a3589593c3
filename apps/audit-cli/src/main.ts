import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ImportRefusedError, importLog, PostgresEventStore, verifyStoredChain } from '@saydo/event-store';
import { INTERRUPTED_EXIT_CODE, loadConfig, openDatabase, poolOf, resolveDatabase, runCommand } from '@saydo/platform';

const USAGE = `usage: npm run audit -- <command>
  verify [--from N] [--to N] [--anchor POSITION:HASH]   recompute the hash chain; exit 1 at the first break
  export [--after N]                                     write the log as NDJSON to stdout
  import FILE                                            load an export into an empty instance, verifying the chain
  --help                                                 this text
Uses DATABASE_URL, or the embedded default under SAYDO_DATA_DIR.`;

/**
 * Lines of a file, read from the first pull on: a readline interface created earlier would emit
 * its lines while the import is still opening its transaction, and they would be lost.
 */
async function* linesOf(file: string, interrupt: AbortSignal): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    // Throwing here rolls the import's one transaction back.
    if (interrupt.aborted) throw new Interrupted();
    yield line;
  }
}

class Interrupted extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(interrupt: AbortSignal): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === '--help' || command === '-h' || args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!['verify', 'export', 'import'].includes(command ?? '')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (message) => process.stderr.write(`[audit] ${message}\n`));
  const dataSource = await openDatabase(database.url, { applicationName: 'saydo-audit', poolSize: 2 });
  const pool = poolOf(dataSource);
  try {
    if (command === 'verify') {
      const anchorText = option(args, 'anchor');
      const anchor = anchorText ? { position: Number(anchorText.split(':')[0]), hash: anchorText.split(':')[1] } : undefined;
      const verdict = await verifyStoredChain(pool, {
        from: option(args, 'from') ? Number(option(args, 'from')) : undefined,
        to: option(args, 'to') ? Number(option(args, 'to')) : undefined,
        anchor,
        onProgress: (checked) => {
          process.stderr.write(`\r[audit] ${checked} events checked`);
          if (interrupt.aborted) throw new Interrupted(`interrupted after ${checked} events checked; nothing was concluded`);
        },
      }).catch((error) => {
        if (error instanceof Interrupted) return null;
        throw error;
      });
      process.stderr.write('\n');
      if (!verdict) {
        process.stderr.write('[audit] interrupted: the verification did not finish; nothing was concluded\n');
        return INTERRUPTED_EXIT_CODE;
      }
      process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
      return verdict.valid ? 0 : 1;
    }
    if (command === 'export') {
      const store = new PostgresEventStore(pool);
      for (let after = Number(option(args, 'after') ?? 0); ; ) {
        const events = await store.readAll(after, 1000);
        if (events.length === 0) return 0;
        if (interrupt.aborted) {
          process.stderr.write(`[audit] interrupted: exported up to position ${after}; continue with --after ${after}\n`);
          return INTERRUPTED_EXIT_CODE;
        }
        if (!process.stdout.write(events.map((e) => JSON.stringify(e)).join('\n') + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
        after = events[events.length - 1].position;
      }
    }
    const file = args[0];
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    try {
      const result = await importLog(pool, linesOf(file, interrupt));
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof Interrupted) {
        process.stderr.write('[audit] interrupted: nothing was imported (the import is one transaction)\n');
        return INTERRUPTED_EXIT_CODE;
      }
      if (!(error instanceof ImportRefusedError)) throw error;
      // The first break, when there is one (an instance that is not empty has none to show).
      process.stderr.write(`import refused: ${error.message}\n${error.firstBreak ? `${JSON.stringify(error.firstBreak)}\n` : ''}`);
      return 1;
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

runCommand('audit', main);
