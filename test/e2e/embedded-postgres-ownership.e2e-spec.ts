import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/free-port';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const AUDIT = resolve(__dirname, '../../dist/apps/audit-cli/src/main.js');


/** A data directory the postgres system user can reach (a bare mkdtemp is 0700, private to root). */
function dataDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `saydo-embedded-${label}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** The built API on the embedded default (no DATABASE_URL), with its own data directory and ports. */
function startApi(dir: string, pgPort: number, httpPort: number) {
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', SAYDO_DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(httpPort), HOST: '127.0.0.1', LOG_LEVEL: 'info', SAYDO_ADMIN_KEY: 'test-admin-key-0123456789abcdef' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a shell gives a foreground job: Ctrl-C signals the group.
    detached: true,
  });
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, out, exited, httpPort };
}

describe('the embedded PostgreSQL is its own', () => {
  const first = dataDir('a');
  const second = dataDir('b');
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it("refuses another instance's server on its port, naming its data directory and EMBEDDED_PG_PORT; the owner stops cleanly on Ctrl-C", async () => {
    const pgPort = await freePort();
    const owner = startApi(first, pgPort, await freePort());
    try {
      for (let waited = 0; !/API on http/.test(owner.out.stdout); waited += 100) {
        if (owner.child.exitCode !== null || waited > 90_000) throw new Error(`the first instance did not start:\n${owner.out.stdout}${owner.out.stderr}`);
        await new Promise((done) => setTimeout(done, 100));
      }
      // another checkout, same EMBEDDED_PG_PORT
      const other = startApi(second, pgPort, await freePort());
      expect(await other.exited).toBe(1);
      expect(other.out.stderr).toContain(`port ${pgPort} is taken by another embedded PostgreSQL, serving ${realpathSync(join(first, 'pg'))}`);
      expect(other.out.stderr).toContain('set EMBEDDED_PG_PORT to a free port');
      expect(existsSync(join(second, 'pg', 'PG_VERSION'))).toBe(false);

      // a command of the same instance (same data directory) uses the running server, and leaves it running
      const audit = spawnSync(process.execPath, [AUDIT, 'verify'], { env: { PATH: process.env.PATH ?? '', SAYDO_DATA_DIR: first, EMBEDDED_PG_PORT: String(pgPort) }, encoding: 'utf8', timeout: 60_000 });
      expect(audit.status).toBe(0);
      expect(audit.stderr).toMatch(/already running on port \d+ on this instance's data .*, reusing it/);
      expect((await fetch(`http://127.0.0.1:${owner.httpPort}/health`)).status).toBe(200);

      // Ctrl-C in its terminal: SIGINT to the whole group, the embedded server included
      process.kill(-owner.child.pid!, 'SIGINT');
      expect(await owner.exited).toBe(0);
      expect(owner.out.stderr).toBe('');
      // the embedded server stopped with it
      expect(existsSync(join(first, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      owner.child.kill('SIGKILL');
    }
  });
});
