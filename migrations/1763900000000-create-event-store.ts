import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only event store, its outbox and the idempotency keys of submissions. */
export class CreateEventStore1763900000000 implements MigrationInterface {
  name = 'CreateEventStore1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        position            bigint      PRIMARY KEY CHECK (position > 0),
        stream_id           text        NOT NULL,
        stream_version      integer     NOT NULL CHECK (stream_version > 0),
        event_id            uuid        NOT NULL UNIQUE,
        type                text        NOT NULL,
        schema_version      integer     NOT NULL,
        data                jsonb       NOT NULL,
        metadata            jsonb       NOT NULL,
        occurred_at         text        NOT NULL,
        occurred_precision  text        NOT NULL CHECK (occurred_precision IN ('year', 'month', 'day', 'instant')),
        occurred_from       timestamptz NOT NULL,
        occurred_until      timestamptz NOT NULL,
        recorded_at         timestamptz NOT NULL,
        principal           text        NOT NULL,
        hash                char(64)    NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await db.query(`CREATE INDEX events_recorded_at ON events (recorded_at)`);
    // Events are immutable: corrections are new events. Tampering must go around this guard on purpose.
    await db.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only()`);
    await db.query(`
      CREATE TABLE outbox (
        position      bigint      PRIMARY KEY REFERENCES events (position),
        published_at  timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        principal     text        NOT NULL,
        key           text        NOT NULL,
        request_hash  char(64)    NOT NULL,
        result        jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION events_are_append_only()`);
  }
}
