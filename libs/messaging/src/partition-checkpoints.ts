import { Pool, PoolClient } from 'pg';

export interface PartitionCheckpoint {
  nextOffset: number;
  maxPosition: number;
}

/** Locks (creating at offset 0 when new) one partition's checkpoint for this transaction. */
export async function lockPartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number): Promise<PartitionCheckpoint> {
  await client.query(
    `INSERT INTO kafka_partition_checkpoints (group_id, topic, partition, next_offset, max_position) VALUES ($1, $2, $3, 0, 0) ON CONFLICT DO NOTHING`,
    [groupId, topic, partition],
  );
  const { rows } = await client.query<{ next_offset: string; max_position: string }>(
    `SELECT next_offset, max_position FROM kafka_partition_checkpoints WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
    [groupId, topic, partition],
  );
  return { nextOffset: Number(rows[0].next_offset), maxPosition: Number(rows[0].max_position) };
}

export async function savePartitionCheckpoint(client: PoolClient, groupId: string, topic: string, partition: number, checkpoint: PartitionCheckpoint): Promise<void> {
  await client.query(
    `UPDATE kafka_partition_checkpoints SET next_offset = $4, max_position = $5, updated_at = now() WHERE group_id = $1 AND topic = $2 AND partition = $3`,
    [groupId, topic, partition, checkpoint.nextOffset, checkpoint.maxPosition],
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
