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

/**
 * Writes the run as JSON to bench/results/<UTC date and time>-<mode>.json, never over another
 * run's file (a suffix is added if the name is taken); returns the path.
 */
export async function writeResults(report: unknown, mode: string, at = new Date()): Promise<string> {
  const dir = resolve(repositoryRoot(), 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `${stamp}-${mode}${attempt ? `-${attempt}` : ''}.json`);
    try {
      await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
