import { PoolClient } from 'pg';
import { PartitionCheckpoint, partitionCheckpointsUpdate } from './partition-checkpoints';

/**
 * Kafka partitions deliver events of different streams out of global order, but a reader asking
 * for position p needs every event up to p applied. The watermark is that contiguous position:
 * positions applied beyond a gap wait in projection_positions_ahead until the gap is filled.
 * The caller holds the projection_checkpoints rows locked (one projector transaction at a time).
 *
 * One statement (one round trip): the run is found among the positions waiting and the ones just
 * applied; only those still beyond it are stored, those it covers are deleted, and the
 * projections' checkpoints move to it. (Data-modifying CTEs see the table as it was when the
 * statement began, which is why the new positions are joined in rather than inserted first.) The
 * projector's partition checkpoints, when given, are saved by the same statement: it is the last
 * of the transaction, and a round trip less is that much less time the watermark's lock is held.
 */
export async function advanceWatermark(
  client: PoolClient,
  current: number,
  applied: readonly number[],
  projectionNames: readonly string[],
  partitions?: { groupId: string; topic: string; checkpoints: ReadonlyMap<number, PartitionCheckpoint> },
): Promise<number> {
  const ahead = applied.filter((position) => position > current);
  const saved = partitions && partitions.checkpoints.size > 0 ? partitionCheckpointsUpdate(partitions.groupId, partitions.topic, partitions.checkpoints, 4) : null;
  const { rows } = await client.query<{ watermark: string }>(
    `WITH applied AS (SELECT DISTINCT unnest($2::bigint[]) AS position),
     waiting AS (SELECT position FROM projection_positions_ahead WHERE position > $1 UNION SELECT position FROM applied),
     -- Within a gap-free run starting at current + 1, position - row_number() equals current.
     ranked AS (SELECT position, position - row_number() OVER (ORDER BY position) AS run FROM waiting),
     mark AS (SELECT coalesce(max(position), $1) AS watermark FROM ranked WHERE run = $1),
     stored AS (INSERT INTO projection_positions_ahead (position) SELECT a.position FROM applied a, mark WHERE a.position > mark.watermark ON CONFLICT DO NOTHING),
     covered AS (DELETE FROM projection_positions_ahead p USING mark WHERE p.position <= mark.watermark AND mark.watermark > $1),
     moved AS (UPDATE projection_checkpoints c SET position = mark.watermark, updated_at = now() FROM mark WHERE c.name = ANY($3::text[]) AND mark.watermark > $1)${saved ? `,
     saved AS (${saved.sql})` : ''}
     SELECT watermark FROM mark`,
    [current, ahead, projectionNames, ...(saved?.values ?? [])],
  );
  return Number(rows[0].watermark);
}
