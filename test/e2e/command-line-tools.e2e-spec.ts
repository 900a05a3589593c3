import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PostgresEventStore } from '@saydo/event-store';
import { generateHistory } from '../support/history-generator';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const AUDIT = resolve(__dirname, '../../dist/apps/audit-cli/src/main.js');
const REBUILD = resolve(__dirname, '../../dist/apps/rebuild-cli/src/main.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built command; `onStderr` may act on its output while it runs (e.g. interrupt it). */
function run(main: string, databaseUrl: string, args: string[], onStderr?: (stderr: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [main, ...args], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(stderr, child);
    });
    child.once('exit', (status) => done({ status, stdout, stderr }));
  });
}

describe('command-line tools that behave', () => {
  let db: TestDatabase;
  const EVENTS = 600;
  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const events = [...generateHistory(EVENTS)];
    for (let i = 0; i < events.length; i += 200) await store.append(events.slice(i, i + 200), { principal: 'test', expectedVersions: new Map() });
  });
  afterAll(() => db.drop());

  it.each([
    [AUDIT, 'verify'],
    [REBUILD, 'resume'],
  ])('%s --help says what it does and exits 0', async (main, word) => {
    const help = await run(main, db.url, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run /);
    expect(help.stdout).toContain(word);
  });

  it('import into a non-empty store is refused with a message and no stray value', async () => {
    const exported = await run(AUDIT, db.url, ['export']);
    const file = join(mkdtempSync(join(tmpdir(), 'saydo-export-')), 'log.ndjson');
    writeFileSync(file, exported.stdout);
    const imported = await run(AUDIT, db.url, ['import', file]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(/^import refused: the target store already holds \d+ events; import only into an empty instance\n$/);
    expect(imported.stderr.split('\n').filter((line) => line.trim() === 'null')).toEqual([]);
  });

  it('an interrupted rebuild says where it stopped, and the next run resumes there', async () => {
    // given live read models built from the log (nothing else projects in this database)
    expect(await run(REBUILD, db.url, ['all'])).toMatchObject({ status: 0 });
    let interrupted = false;
    const first = await run(REBUILD, db.url, ['all', '--batch-size', '1', '--fresh'], (stderr, child) => {
      if (!interrupted && /\d+ events/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    expect(first.status).toBe(130);
    const stoppedAt = Number(/interrupted at position (\d+); run again to resume/.exec(first.stderr)?.[1]);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(EVENTS);

    const second = await run(REBUILD, db.url, ['all', '--dry-run']);
    expect(second.stderr).toContain(`resuming at ${stoppedAt}`);
    expect(second.status).toBe(0);
    // the dry run's summary line ends without a dangling colon when there is nothing to list
    expect(second.stdout).toBe('0 commitment status change(s) between live and rebuilt\n');
  });

  it('rebuild --held-rows bounds the rows held in memory: 0 still rebuilds (each batch writes its rows), a bad count is a usage error', async () => {
    // built a batch at a time, the read models equal the live ones the default build left
    expect(await run(REBUILD, db.url, ['all', '--held-rows', '0', '--fresh', '--batch-size', '50', '--dry-run'])).toMatchObject({
      status: 0,
      stdout: '0 commitment status change(s) between live and rebuilt\n',
    });
    const refused = await run(REBUILD, db.url, ['all', '--held-rows', 'many']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^--held-rows must be a whole number/);
  });
});
