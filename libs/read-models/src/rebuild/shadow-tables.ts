import { DataSource } from 'typeorm';

/** Suffix of the table a rebuild writes into while the live table keeps serving reads. */
export const SHADOW_SUFFIX = '_rebuild';

/** The rebuild's own checkpoint row in projection_checkpoints, written with the shadow rows. */
export function rebuildCheckpointName(projectionName: string): string {
  return `rebuild:${projectionName}`;
}

export function shadowTableName(liveTable: string): string {
  return `${liveTable}${SHADOW_SUFFIX}`;
}

/**
 * A view of the data source whose entity metadata names the shadow tables: RowProjectionTable
 * (and so ProjectionApplier) take their table name from the metadata, and write to the shadow
 * table through this view without any change to either class. Columns stay those of the entity.
 */
export function shadowDataSource(dataSource: DataSource, tableName: (liveTable: string) => string = shadowTableName): DataSource {
  const view = Object.create(dataSource) as DataSource;
  view.getMetadata = ((target: Parameters<DataSource['getMetadata']>[0]) => {
    const metadata = dataSource.getMetadata(target);
    return Object.create(metadata, { tableName: { value: tableName(metadata.tableName), enumerable: true } });
  }) as DataSource['getMetadata'];
  return view;
}
