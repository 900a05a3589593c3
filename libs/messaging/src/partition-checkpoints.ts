import { numberArrayLiteral } from '@saydo/event-store';
import { ENTER_FEED_SQL } from '@saydo/read-models';
import { Pool, PoolClient, QueryResult } from 'pg';

export interface PartitionCheckpoint {
  nextOffset: number;
  maxPosition: number;
}

/** Locks (creating at offset 0 when new) one partition's checkpoint for this transaction. */
export async function lockPartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number): Promise<PartitionCheckpoint> {
  return (await lockPartitionCheckpoints(client, groupId, topic, [partition])).get(partition)!;
}

/**
 * Enters the feed transaction (see feed-lock.ts: its lock comes before any checkpoint) and locks
 * (creating at offset 0 when new) several partitions' checkpoints, in partition order (one lock
 * order for every member): one round trip once they exist, the statements sent together in one
 * simple-protocol query (which takes no parameters, so the values go as literals). With `begin`,
 * that query also opens the transaction (see withTransactionOpenedBy).
 */
export async function lockPartitionCheckpoints(
  client: PoolClient,
  groupId: string,
  topic: string,
  partitions: readonly number[],
  { begin = false }: { begin?: boolean } = {},
): Promise<Map<number, PartitionCheckpoint>> {
  const distinct = [...new Set(partitions)].sort((a, b) => a - b);
  const lock = `SELECT partition, next_offset, max_position FROM kafka_partition_checkpoints
     WHERE group_id = ${client.escapeLiteral(groupId)} AND topic = ${client.escapeLiteral(topic)} AND partition = ANY('${numberArrayLiteral(distinct)}'::int[])
     ORDER BY partition FOR UPDATE`;
  const results = (await client.query(`${begin ? 'BEGIN; ' : ''}${ENTER_FEED_SQL}; ${lock}`)) as unknown as Array<QueryResult<CheckpointRow>>;
  let rows = results[results.length - 1].rows;
  if (rows.length < distinct.length) {
    await client.query(
      `INSERT INTO kafka_partition_checkpoints (group_id, topic, partition, next_offset, max_position)
       SELECT $1, $2, p, 0, 0 FROM unnest($3::int[]) AS p ON CONFLICT DO NOTHING`,
      [groupId, topic, distinct],
    );
    ({ rows } = await client.query<CheckpointRow>(lock));
  }
  return new Map(rows.map((row) => [row.partition, { nextOffset: Number(row.next_offset), maxPosition: Number(row.max_position) }]));
}

interface CheckpointRow {
  partition: number;
  next_offset: string;
  max_position: string;
}

export async function savePartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number, checkpoint: PartitionCheckpoint): Promise<void> {
  await savePartitionCheckpoints(client, groupId, topic, new Map([[partition, checkpoint]]));
}

/** Saves several partitions' checkpoints (locked by lockPartitionCheckpoints) in one statement. */
export async function savePartitionCheckpoints(client: PoolClient, groupId: string, topic: string, checkpoints: ReadonlyMap<number, PartitionCheckpoint>): Promise<void> {
  if (checkpoints.size === 0) return;
  const { sql, values } = partitionCheckpointsUpdate(groupId, topic, checkpoints, 1);
  await client.query(sql, values);
}

/**
 * The UPDATE that saves partition checkpoints, its parameters numbered from `firstParameter`: on
 * its own (savePartitionCheckpoints) or as a CTE of the projector's closing statement (advanceWatermark).
 */
export function partitionCheckpointsUpdate(groupId: string, topic: string, checkpoints: ReadonlyMap<number, PartitionCheckpoint>, firstParameter: number): { sql: string; values: unknown[] } {
  const partitions = [...checkpoints.keys()];
  const [group, topicParameter, partition, nextOffset, maxPosition] = [0, 1, 2, 3, 4].map((i) => `$${firstParameter + i}`);
  return {
    sql: `UPDATE kafka_partition_checkpoints c SET next_offset = s.next_offset, max_position = s.max_position, updated_at = now()
     FROM unnest(${partition}::int[], ${nextOffset}::bigint[], ${maxPosition}::bigint[]) AS s(partition, next_offset, max_position)
     WHERE c.group_id = ${group} AND c.topic = ${topicParameter} AND c.partition = s.partition`,
    values: [groupId, topic, partitions, partitions.map((p) => checkpoints.get(p)!.nextOffset), partitions.map((p) => checkpoints.get(p)!.maxPosition)],
  };
}

/** Where each partition resumes: the PostgreSQL checkpoint, never Kafka's committed offset. */
export async function readPartitionOffsets(pool: Pool, groupId: string, topic: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ partition: number; next_offset: string }>(
    `SELECT partition, next_offset FROM kafka_partition_checkpoints WHERE group_id = $1 AND topic = $2`,
    [groupId, topic],
  );
  return new Map(rows.map((row) => [row.partition, Number(row.next_offset)]));
}
