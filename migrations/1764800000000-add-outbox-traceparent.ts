import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context of the request that wrote each event, kept beside the event on its outbox
 * row (null when tracing is off). Not in `events`: metadata is public and covered by the hash
 * chain, and a trace id is an operational detail that expires with the traces.
 */
export class AddOutboxTraceparent1764800000000 implements MigrationInterface {
  name = 'AddOutboxTraceparent1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN traceparent text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP COLUMN traceparent`);
  }
}
