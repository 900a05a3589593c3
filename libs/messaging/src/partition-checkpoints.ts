import { Pool, PoolClient } from 'pg';

export interface PartitionCheckpoint {
  nextOffset: number;
  maxPosition: number;
}

/** Locks (creating at offset 0 when new) one partition's checkpoint for this transaction. */
export async function lockPartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number): Promise<PartitionCheckpoint> {
  return (await lockPartitionCheckpoints(client, groupId, topic, [partition])).get(partition)!;
}

/**
 * Locks (creating at offset 0 when new) several partitions' checkpoints for this transaction, in
 * partition order (one lock order for every member): one round trip once they exist.
 */
export async function lockPartitionCheckpoints(client: PoolClient, groupId: string, topic: string, partitions: readonly number[]): Promise<Map<number, PartitionCheckpoint>> {
  const distinct = [...new Set(partitions)].sort((a, b) => a - b);
  const lock = () =>
    client.query<{ partition: number; next_offset: string; max_position: string }>(
      `SELECT partition, next_offset, max_position FROM kafka_partition_checkpoints
       WHERE group_id = $1 AND topic = $2 AND partition = ANY($3::int[]) ORDER BY partition FOR UPDATE`,
      [groupId, topic, distinct],
    );
  let { rows } = await lock();
  if (rows.length < distinct.length) {
    await client.query(
      `INSERT INTO kafka_partition_checkpoints (group_id, topic, partition, next_offset, max_position)
       SELECT $1, $2, p, 0, 0 FROM unnest($3::int[]) AS p ON CONFLICT DO NOTHING`,
      [groupId, topic, distinct],
    );
    ({ rows } = await lock());
  }
  return new Map(rows.map((row) => [row.partition, { nextOffset: Number(row.next_offset), maxPosition: Number(row.max_position) }]));
}

export async function savePartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number, checkpoint: PartitionCheckpoint): Promise<void> {
  await savePartitionCheckpoints(client, groupId, topic, new Map([[partition, checkpoint]]));
}

/** Saves several partitions' checkpoints (locked by lockPartitionCheckpoints) in one statement. */
export async function savePartitionCheckpoints(client: PoolClient, groupId: string, topic: string, checkpoints: ReadonlyMap<number, PartitionCheckpoint>): Promise<void> {
  if (checkpoints.size === 0) return;
  const partitions = [...checkpoints.keys()];
  await client.query(
    `UPDATE kafka_partition_checkpoints c SET next_offset = s.next_offset, max_position = s.max_position, updated_at = now()
     FROM unnest($3::int[], $4::bigint[], $5::bigint[]) AS s(partition, next_offset, max_position)
     WHERE c.group_id = $1 AND c.topic = $2 AND c.partition = s.partition`,
    [groupId, topic, partitions, partitions.map((p) => checkpoints.get(p)!.nextOffset), partitions.map((p) => checkpoints.get(p)!.maxPosition)],
  );
}

/** Where each partition resumes: the PostgreSQL checkpoint, never Kafka's committed offset. */
export async function readPartitionOffsets(pool: Pool, groupId: string, topic: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ partition: number; next_offset: string }>(
    `SELECT partition, next_offset FROM kafka_partition_checkpoints WHERE group_id = $1 AND topic = $2`,
    [groupId, topic],
  );
  return new Map(rows.map((row) => [row.partition, Number(row.next_offset)]));
}
