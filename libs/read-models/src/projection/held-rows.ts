import { ProjectedRow } from './row-projection';

/**
 * The rows of a table that a single writer (a rebuild's build, which alone writes its shadow
 * tables) holds in memory and writes back later: a commitment assessed in many batches is then
 * evolved in memory each time and written once, instead of once per batch. `position` is the log
 * position the held rows reflect; the table's checkpoint moves to it only when the rows it
 * changed are written (`takeDirty`), in the same transaction, so a crash loses held work and its
 * progress together. While nothing was dropped and the table was empty when holding started, a
 * row this does not know is a row the table does not have.
 */
export class HeldRows {
  private readonly rows = new Map<string, ProjectedRow | null>();
  private readonly dirty = new Set<string>();
  private complete: boolean;

  constructor(
    /** Most rows kept once written back; rows not yet written are never dropped (see `full`). */
    private readonly maxRows: number,
    startedEmpty: boolean,
    public position: number,
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

  /**
   * Keeps a changed row (null: deleted) until it is written. A row keeps its place in the order
   * rows were first held (moving it on every change cost a build of a million events seconds).
   */
  hold(id: string, row: ProjectedRow | null): void {
    this.rows.set(id, row);
    this.dirty.add(id);
  }

  /** More rows wait to be written than may be kept: the writer should write them back now. */
  get full(): boolean {
    return this.dirty.size > this.maxRows;
  }

  /**
   * The rows to write back (null rows: to delete), counted as written; then drops the rows held
   * first beyond `maxRows` (the table has them now).
   */
  takeDirty(): { upserts: ProjectedRow[]; deletes: string[] } {
    const upserts: ProjectedRow[] = [];
    const deletes: string[] = [];
    for (const id of this.dirty) {
      const row = this.rows.get(id);
      if (row) upserts.push(row);
      else deletes.push(id);
    }
    this.dirty.clear();
    if (this.rows.size > this.maxRows) {
      this.complete = false;
      for (const oldest of this.rows.keys()) {
        this.rows.delete(oldest);
        if (this.rows.size <= this.maxRows) break;
      }
    }
    return { upserts, deletes };
  }
}
