import { PoolClient } from 'pg';
import { SHADOW_SUFFIX } from './shadow-tables';

export interface TableIndex {
  name: string;
  /** The index without its name and table: `UNIQUE USING btree (id)`, `USING gin (all_topics)`. */
  definition: string;
  unique: boolean;
}

/** The indexes of a table in the current schema. */
export async function indexesOf(client: PoolClient, table: string): Promise<TableIndex[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname`,
    [table],
  );
  // `CREATE UNIQUE INDEX rm_x_pkey ON public.rm_x USING btree (id)` -> `UNIQUE USING btree (id)`
  return rows.map((row) => {
    const definition = row.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');
    return { name: row.indexname, definition, unique: definition.startsWith('UNIQUE ') };
  });
}

/**
 * Creates the shadow table like the live one (columns, defaults, constraints, storage) with only
 * its primary key and unique indexes: the rebuild's upserts need those, while every other index
 * would be maintained row by row through the whole replay (a GIN index on topics, the timeline's
 * lookup index). Those are built once, by sorting, in `createDeferredIndexes` when the rows are in.
 */
export async function createShadowTable(client: PoolClient, live: string, shadow: string): Promise<void> {
  await client.query(`CREATE TABLE ${shadow} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`);
  const { rows } = await client.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
    [live],
  );
  // Named as LIKE ... INCLUDING ALL would name it; the switch gives every index its live name back.
  for (const { definition } of rows) await client.query(`ALTER TABLE ${shadow} ADD CONSTRAINT ${shadow}_pkey ${definition}`);
  const primary = new Set((await indexesOf(client, shadow)).map((index) => index.definition));
  for (const index of await indexesOf(client, live)) {
    if (index.unique && !primary.has(index.definition)) await client.query(createIndexStatement(shadow, index));
  }
}

/** Builds the live table's indexes the shadow table lacks (none when they exist already). */
export async function createDeferredIndexes(client: PoolClient, live: string, shadow: string): Promise<void> {
  const present = new Set((await indexesOf(client, shadow)).map((index) => index.definition));
  for (const index of await indexesOf(client, live)) {
    if (!present.has(index.definition)) await client.query(createIndexStatement(shadow, index));
  }
}

/** The live index on the shadow table, under a name of its own (the switch renames it back). */
function createIndexStatement(shadow: string, index: TableIndex): string {
  const rest = index.unique ? index.definition.slice('UNIQUE '.length) : index.definition;
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.name}${SHADOW_SUFFIX} ON ${shadow} ${rest}`;
}
