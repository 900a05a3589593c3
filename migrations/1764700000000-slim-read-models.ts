import { MigrationInterface, QueryRunner } from 'typeorm';

const TIMELINE_COPIED_COLUMNS = `
  stream_id text, type text, occurred_at text, occurred_precision text, occurred_from timestamptz, recorded_at timestamptz, data jsonb, sources jsonb`;

/**
 * Keeps only the read models something reads. Nothing reads `rm_actions` (reports fold actions
 * from the log), so it goes; reports read the timeline only as an index of `(stakeholder_id,
 * position)`, so its copies of each event's data, sources and dates go too. A rebuild in progress
 * across this migration built the old shapes: its shadow tables and checkpoints are dropped.
 */
export class SlimReadModels1764700000000 implements MigrationInterface {
  name = 'SlimReadModels1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rm_actions_rebuild, rm_timeline_entries_rebuild`);
    await db.query(`DELETE FROM projection_checkpoints WHERE name IN ('actions', 'rebuild:actions', 'rebuild:timeline')`);
    await db.query(`DROP TABLE rm_actions`);
    await db.query(`DROP INDEX rm_timeline_by_stakeholder`);
    await db.query(`ALTER TABLE rm_timeline_entries ${columnList().map((c) => `DROP COLUMN ${c}`).join(', ')}`);
    await db.query(`CREATE INDEX rm_timeline_by_stakeholder ON rm_timeline_entries (stakeholder_id, position)`);
  }

  /** Restores the old shapes; the timeline's copies come back from the log, rm_actions comes back empty (a rebuild refills it). */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX rm_timeline_by_stakeholder`);
    await db.query(`ALTER TABLE rm_timeline_entries ${TIMELINE_COPIED_COLUMNS.split(',').map((c) => `ADD COLUMN ${c.trim()}`).join(', ')}`);
    await db.query(`
      UPDATE rm_timeline_entries t SET stream_id = e.stream_id, type = e.type, occurred_at = e.occurred_at, occurred_precision = e.occurred_precision,
        occurred_from = e.occurred_from, recorded_at = e.recorded_at, data = e.data, sources = e.metadata->'sources'
      FROM events e WHERE e.position = t.position`);
    await db.query(`ALTER TABLE rm_timeline_entries ${columnList().map((c) => `ALTER COLUMN ${c} SET NOT NULL`).join(', ')}`);
    await db.query(`CREATE INDEX rm_timeline_by_stakeholder ON rm_timeline_entries (stakeholder_id, occurred_from, position)`);
    await db.query(`
      CREATE TABLE rm_actions (
        id text PRIMARY KEY, type text NOT NULL, stakeholder_id text NOT NULL, counterparty_ids text[] NOT NULL, title text NOT NULL, topics text[] NOT NULL,
        occurred_at text NOT NULL, occurred_precision text NOT NULL, occurred_from timestamptz NOT NULL, sources jsonb NOT NULL, last_position bigint NOT NULL
      )`);
    await db.query(`CREATE INDEX rm_actions_stakeholder ON rm_actions (stakeholder_id)`);
    await db.query(`CREATE INDEX rm_actions_counterparties ON rm_actions USING gin (counterparty_ids)`);
  }
}

function columnList(): string[] {
  return TIMELINE_COPIED_COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]);
}
