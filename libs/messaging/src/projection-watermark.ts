import { PoolClient } from 'pg';

/**
 * Kafka partitions deliver events of different streams out of global order, but a reader asking
 * for position p needs every event up to p applied. The watermark is that contiguous position:
 * positions applied beyond a gap wait in projection_positions_ahead until the gap is filled.
 * The caller holds the projection_checkpoints rows locked (one projector transaction at a time).
 */
export async function advanceWatermark(client: PoolClient, current: number, applied: readonly number[], projectionNames: readonly string[]): Promise<number> {
  const ahead = applied.filter((position) => position > current);
  if (ahead.length > 0) {
    await client.query('INSERT INTO projection_positions_ahead (position) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING', [ahead]);
  }
  // Within a gap-free run starting at current + 1, position - row_number() equals current.
  const { rows } = await client.query<{ watermark: string | null }>(
    `SELECT max(position) AS watermark FROM (
       SELECT position, position - row_number() OVER (ORDER BY position) AS run FROM projection_positions_ahead WHERE position > $1
     ) ranked WHERE run = $1`,
    [current],
  );
  const watermark = rows[0].watermark === null ? current : Number(rows[0].watermark);
  if (watermark > current) {
    await client.query('DELETE FROM projection_positions_ahead WHERE position <= $1', [watermark]);
    await client.query('UPDATE projection_checkpoints SET position = $1, updated_at = now() WHERE name = ANY($2::text[])', [watermark, projectionNames]);
  }
  return watermark;
}
