import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the demo remembers between runs, kept in its data directory (git-ignored under .data/). */
export interface DemoState {
  /** The embedded instance the demo started, while it may still run. */
  embedded?: { pid: number; url: string; port: number; pgPort: number; log: string; startedAt: string };
  /** The admin key the demo generated for its embedded instance. */
  adminKey?: string;
  /** Editor keys the demo created, by API address: reusing one makes the Idempotency-Key replay work. */
  editorKeys: Record<string, string>;
}

export class DemoStateFile {
  readonly path: string;

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, 'demo-state.json');
  }

  read(): DemoState {
    if (!existsSync(this.path)) return { editorKeys: {} };
    const state = JSON.parse(readFileSync(this.path, 'utf8')) as DemoState;
    return { ...state, editorKeys: state.editorKeys ?? {} };
  }

  update(change: (state: DemoState) => void): DemoState {
    const state = this.read();
    change(state);
    mkdirSync(this.dataDir, { recursive: true });
    // It holds API keys: readable by the owner only.
    writeFileSync(this.path, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
    chmodSync(this.path, 0o600);
    return state;
  }
}
