import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's foreign key to `events` guarded nothing the schema does not already guarantee: outbox
 * rows are written only in the statement that writes their events (append-sql.ts, import-log.ts), and
 * events can never be deleted (the append-only triggers). What it cost was paid on every append: a
 * per-row RI trigger running an SPI query (an index lookup of the event and a FOR KEY SHARE lock).
 * Measured on 1,000-event groups (EXPLAIN ANALYZE, alternating a database with and one without it):
 * the trigger took a median 17 ms of the write statement's 104 ms; without it the statement took 89 ms.
 */
export class OutboxWithoutForeignKey1765010000000 implements MigrationInterface {
  name = 'OutboxWithoutForeignKey1765010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_position_fkey`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD CONSTRAINT outbox_position_fkey FOREIGN KEY (position) REFERENCES events (position)`);
  }
}
