import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models, fed by projections from the log. Every row remembers the last log position
 * applied to it (`last_position`), so applying an event twice changes nothing.
 */
export class CreateReadModels1763900000001 implements MigrationInterface {
  name = 'CreateReadModels1763900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name        text        PRIMARY KEY,
        position    bigint      NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE rm_stakeholders (
        id                  text    PRIMARY KEY,
        name                text    NOT NULL,
        kind                text    NOT NULL,
        registered_at       text    NOT NULL,
        registered_precision text   NOT NULL,
        sources             jsonb   NOT NULL,
        last_position       bigint  NOT NULL
      )`);
    await db.query(`
      CREATE TABLE rm_commitments (
        id                text        PRIMARY KEY,
        stakeholder_id    text        NOT NULL,
        kind              text        NOT NULL CHECK (kind IN ('pledge', 'red_line')),
        text              text        NOT NULL,
        topics            text[]      NOT NULL,
        due_by            text,
        stated_at         text        NOT NULL,
        stated_precision  text        NOT NULL,
        stated_from       timestamptz NOT NULL,
        sources           jsonb       NOT NULL,
        relations         text[]      NOT NULL,
        status            text        NOT NULL,
        last_position     bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX rm_commitments_stakeholder ON rm_commitments (stakeholder_id)`);
    await db.query(`
      CREATE TABLE rm_actions (
        id                  text        PRIMARY KEY,
        type                text        NOT NULL,
        stakeholder_id      text        NOT NULL,
        counterparty_ids    text[]      NOT NULL,
        title               text        NOT NULL,
        topics              text[]      NOT NULL,
        occurred_at         text        NOT NULL,
        occurred_precision  text        NOT NULL,
        occurred_from       timestamptz NOT NULL,
        sources             jsonb       NOT NULL,
        last_position       bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX rm_actions_stakeholder ON rm_actions (stakeholder_id)`);
    await db.query(`CREATE INDEX rm_actions_counterparties ON rm_actions USING gin (counterparty_ids)`);
    await db.query(`
      CREATE TABLE rm_commitment_links (
        id                  text        PRIMARY KEY,
        commitment_id       text        NOT NULL,
        action_id           text        NOT NULL,
        relation            text        NOT NULL,
        rationale           text        NOT NULL,
        assessed_at         text        NOT NULL,
        assessed_precision  text        NOT NULL,
        sources             jsonb       NOT NULL,
        recorded_at         timestamptz NOT NULL,
        last_position       bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX rm_commitment_links_commitment ON rm_commitment_links (commitment_id)`);
    await db.query(`CREATE INDEX rm_commitment_links_action ON rm_commitment_links (action_id)`);
    await db.query(`
      CREATE TABLE rm_timeline_entries (
        id                  text        PRIMARY KEY,
        stakeholder_id      text        NOT NULL,
        position            bigint      NOT NULL,
        stream_id           text        NOT NULL,
        type                text        NOT NULL,
        occurred_at         text        NOT NULL,
        occurred_precision  text        NOT NULL,
        occurred_from       timestamptz NOT NULL,
        recorded_at         timestamptz NOT NULL,
        data                jsonb       NOT NULL,
        sources             jsonb       NOT NULL,
        last_position       bigint      NOT NULL
      )`);
    await db.query(`CREATE INDEX rm_timeline_by_stakeholder ON rm_timeline_entries (stakeholder_id, occurred_from, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['rm_timeline_entries', 'rm_commitment_links', 'rm_actions', 'rm_commitments', 'rm_stakeholders', 'projection_checkpoints']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
