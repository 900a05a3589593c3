import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectedRow } from './row-projection';

/**
 * The thin SQL adapter of a row projection: loads a batch's rows in one query and writes them
 * back in one multi-row upsert. Column names come from the TypeORM entity, the only place they are written.
 */
export class RowProjectionTable<Row extends ProjectedRow> {
  private readonly table: string;
  private readonly columns: Array<{ property: string; column: string }>;

  constructor(dataSource: DataSource, entity: new () => Row) {
    const metadata = dataSource.getMetadata(entity);
    this.table = metadata.tableName;
    this.columns = metadata.columns.map((c) => ({ property: c.propertyName, column: c.databaseName }));
  }

  async load(client: PoolClient, ids: readonly string[]): Promise<Map<string, Row>> {
    const rows = new Map<string, Row>();
    if (ids.length === 0) return rows;
    const { rows: docs } = await client.query<{ doc: Record<string, unknown> }>(`SELECT to_jsonb(t) AS doc FROM ${this.table} t WHERE id = ANY($1::text[])`, [ids]);
    for (const { doc } of docs) {
      const row = Object.fromEntries(this.columns.map(({ property, column }) => [property, doc[column]])) as unknown as Row;
      rows.set(row.id, row);
    }
    return rows;
  }

  async upsert(client: PoolClient, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const docs = rows.map((row) => Object.fromEntries(this.columns.map(({ property, column }) => [column, (row as unknown as Record<string, unknown>)[property]])));
    const updates = this.columns.filter((c) => c.column !== 'id').map((c) => `${c.column} = EXCLUDED.${c.column}`);
    await client.query(
      `INSERT INTO ${this.table} SELECT * FROM jsonb_populate_recordset(NULL::${this.table}, $1::jsonb)
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      [JSON.stringify(docs)],
    );
  }

  async delete(client: PoolClient, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await client.query(`DELETE FROM ${this.table} WHERE id = ANY($1::text[])`, [ids]);
  }
}
