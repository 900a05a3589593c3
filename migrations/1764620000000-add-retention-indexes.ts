import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention job deletes idempotency keys older than their period and outbox rows published
 * long enough ago; these indexes let it find them without scanning either table.
 */
export class AddRetentionIndexes1764620000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1764620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
    await db.query(`CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_published_at`);
    await db.query(`DROP INDEX idempotency_keys_created_at`);
  }
}
