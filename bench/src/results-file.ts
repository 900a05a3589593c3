import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above this file holding package.json (works from src and dist). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Writes the run as JSON to bench/results/latest.json; returns the path. */
export async function writeResults(report: unknown): Promise<string> {
  const path = resolve(repositoryRoot(), 'bench', 'results', 'latest.json');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
