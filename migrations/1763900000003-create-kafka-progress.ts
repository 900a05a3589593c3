import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress of the Kafka-fed projector, kept in PostgreSQL beside the read models:
 * - per partition, the next offset to apply and the highest log position applied from it
 *   (a re-sent event has a position at or below it);
 * - positions applied ahead of a gap (another partition is behind), until the contiguous
 *   watermark in projection_checkpoints can move past them.
 */
export class CreateKafkaProgress1763900000003 implements MigrationInterface {
  name = 'CreateKafkaProgress1763900000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE kafka_partition_checkpoints (
        group_id      text    NOT NULL,
        topic         text    NOT NULL,
        partition     integer NOT NULL,
        next_offset   bigint  NOT NULL,
        max_position  bigint  NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, partition)
      )`);
    await db.query(`CREATE TABLE projection_positions_ahead (position bigint PRIMARY KEY)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_positions_ahead`);
    await db.query(`DROP TABLE kafka_partition_checkpoints`);
  }
}
