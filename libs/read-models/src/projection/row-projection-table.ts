import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { numberArrayLiteral, textArrayLiteral } from '@saydo/event-store';
import { ProjectedRow } from './row-projection';

interface TableColumn {
  property: string;
  column: string;
  /** The SQL type of one value (`text`, `bigint`, `jsonb`, `timestamptz`...). */
  sqlType: string;
  isArray: boolean;
}

/**
 * The thin SQL adapter of a row projection: loads a batch's rows in one query and writes them
 * back in one multi-row upsert. Column names and types come from the TypeORM entity, the only
 * place they are written. Values travel as one typed array per column (`unnest`), never as a
 * JSON document per row: PostgreSQL parses each value once, with its own type's input function.
 */
export class RowProjectionTable<Row extends ProjectedRow> {
  private readonly table: string;
  private readonly columns: TableColumn[];
  private readonly upsertSql: string;
  private readonly insertOnceSql: string;
  private readonly replaceSql: string;
  private readonly appendSql: string;
  private readonly loadSql: string;

  constructor(dataSource: DataSource, entity: new () => Row) {
    const metadata = dataSource.getMetadata(entity);
    this.table = metadata.tableName;
    this.columns = metadata.columns.map((c) => ({ property: c.propertyName, column: c.databaseName, sqlType: String(c.type), isArray: c.isArray }));
    const names = this.columns.map((c) => c.column);
    // An array column travels as a text[] of array literals (unnest would flatten a 2-D array), cast back per row.
    const unnested = this.columns.map((c, i) => (c.isArray ? `$${i + 1}::text[]` : `$${i + 1}::${c.sqlType}[]`));
    const selected = this.columns.map((c) => (c.isArray ? `u.${c.column}::${c.sqlType}[]` : `u.${c.column}`));
    const insert = `INSERT INTO ${this.table} AS t (${names.join(', ')}) SELECT ${selected.join(', ')} FROM unnest(${unnested.join(', ')}) AS u(${names.join(', ')})`;
    const key = metadata.primaryColumns.map((c) => c.databaseName);
    const updates = names.filter((name) => !key.includes(name)).map((name) => `${name} = EXCLUDED.${name}`);
    this.upsertSql = `${insert} ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
    // A write-once row that keeps no last position (the timeline: its key is all it holds) is simply there already.
    this.insertOnceSql = names.includes('last_position')
      ? `${insert} ON CONFLICT (${key.join(', ')}) DO UPDATE SET last_position = EXCLUDED.last_position WHERE t.last_position < EXCLUDED.last_position`
      : `${insert} ON CONFLICT (${key.join(', ')}) DO NOTHING`;
    this.replaceSql = `${this.upsertSql} WHERE t.last_position < EXCLUDED.last_position`;
    this.appendSql = insert;
    this.loadSql = `SELECT ${names.join(', ')} FROM ${this.table} WHERE id = ANY($1::text[])`;
  }

  /** Rows by their text `id` (the tables of projections that update rows are keyed by one). */
  async load(client: PoolClient, ids: readonly string[]): Promise<Map<string, Row>> {
    const rows = new Map<string, Row>();
    if (ids.length === 0) return rows;
    const { rows: found } = await client.query<Record<string, unknown>>(this.loadSql, [ids]);
    for (const values of found) {
      const row: Record<string, unknown> = {};
      for (const { property, column, sqlType } of this.columns) row[property] = sqlType === 'bigint' && values[column] !== null ? Number(values[column]) : values[column];
      rows.set(row.id as string, row as unknown as Row);
    }
    return rows;
  }

  /** Writes the rows whole (insert or replace). */
  async upsert(client: PoolClient, rows: readonly Row[]): Promise<void> {
    if (rows.length > 0) await client.query(this.upsertSql, this.columnArrays(rows));
  }

  /**
   * For rows that never change once written (an index): inserts the new ones; an existing one
   * only has its `lastPosition` moved forward. No read before the write.
   */
  async insertOnce(client: PoolClient, rows: readonly Row[]): Promise<void> {
    if (rows.length > 0) await client.query(this.insertOnceSql, this.columnArrays(rows));
  }

  /** For rows that are replaced whole by a later event: writes those newer than the stored row. No read before the write. */
  async replace(client: PoolClient, rows: readonly Row[]): Promise<void> {
    if (rows.length > 0) await client.query(this.replaceSql, this.columnArrays(rows));
  }

  /**
   * Plain INSERT, no conflict handling: for a rebuild's shadow table loaded without its key,
   * whose duplicates are removed when the key is built (see shadow-keys.ts).
   */
  async append(client: PoolClient, rows: readonly Row[]): Promise<void> {
    if (rows.length > 0) await client.query(this.appendSql, this.columnArrays(rows));
  }

  async delete(client: PoolClient, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await client.query(`DELETE FROM ${this.table} WHERE id = ANY($1::text[])`, [ids]);
  }

  /** One array literal per column (see array-literal.ts); an array column's values are array literals themselves. */
  private columnArrays(rows: readonly Row[]): string[] {
    return this.columns.map(({ property, sqlType, isArray }) => {
      const values = rows.map((row) => (row as unknown as Record<string, unknown>)[property]);
      if (!isArray && NUMERIC_TYPES.has(sqlType)) return numberArrayLiteral(values as Array<number | null>);
      return textArrayLiteral(
        values.map((value) => {
          if (value === null || value === undefined) return null;
          if (isArray) return textArrayLiteral((value as unknown[]).map((element) => (element === null || element === undefined ? null : String(element))));
          if (sqlType === 'jsonb' || sqlType === 'json') return JSON.stringify(value);
          // A timestamptz read back by load() arrives as a Date.
          return value instanceof Date ? value.toISOString() : String(value);
        }),
      );
    });
  }
}

/** Column types whose values travel as bare numbers. */
const NUMERIC_TYPES = new Set(['bigint', 'int', 'integer', 'smallint', 'numeric', 'real', 'double precision']);
