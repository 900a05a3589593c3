import { ProjectedRow } from './row-projection';

/**
 * The rows a single writer of a table last wrote (a rebuild's build, which alone writes its
 * shadow tables), so the next batch evolves them without reading them back. At most `maxRows`
 * rows, the least recently written dropped first. While nothing was dropped and the table was
 * empty when the cache started, a row the cache does not know is a row the table does not have.
 */
export class RowCache {
  private readonly rows = new Map<string, ProjectedRow | null>();
  private complete: boolean;

  constructor(
    private readonly maxRows: number,
    startedEmpty: boolean,
  ) {
    this.complete = startedEmpty;
  }

  /** The ids whose row (or absence) only the table can tell. */
  unknown(ids: readonly string[]): string[] {
    return this.complete ? [] : ids.filter((id) => !this.rows.has(id));
  }

  /** The row, null when it is known to be absent, undefined when unknown. */
  get(id: string): ProjectedRow | null | undefined {
    return this.rows.get(id);
  }

  /** Records what was written (null: deleted or absent), most recent last. */
  remember(id: string, row: ProjectedRow | null): void {
    this.rows.delete(id);
    this.rows.set(id, row);
    if (this.rows.size <= this.maxRows) return;
    this.complete = false;
    for (const oldest of this.rows.keys()) {
      this.rows.delete(oldest);
      if (this.rows.size <= this.maxRows) break;
    }
  }
}
