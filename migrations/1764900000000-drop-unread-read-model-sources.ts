import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['rm_stakeholders', 'rm_commitments', 'rm_commitment_links'];

/**
 * Nothing reads the `sources` copied into the stakeholder, commitment and link rows (pages and
 * reports take sources from the events they fold), yet each was the largest value of its row and
 * was written again on every change of it: every assessment rewrote its commitment's sources. A
 * rebuild in progress across this migration built the old shapes: its shadow tables and
 * checkpoints are dropped.
 */
export class DropUnreadReadModelSources1764900000000 implements MigrationInterface {
  name = 'DropUnreadReadModelSources1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS ${TABLES.map((t) => `${t}_rebuild`).join(', ')}`);
    await db.query(`DELETE FROM projection_checkpoints WHERE name IN ('rebuild:stakeholders', 'rebuild:commitments', 'rebuild:commitment_links')`);
    for (const table of TABLES) await db.query(`ALTER TABLE ${table} DROP COLUMN sources`);
  }

  /** The columns come back with the sources of the event that last stated, registered or assessed each row. */
  async down(db: QueryRunner): Promise<void> {
    for (const table of TABLES) await db.query(`ALTER TABLE ${table} ADD COLUMN sources jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`
      UPDATE rm_stakeholders r SET sources = e.metadata->'sources' FROM events e
      WHERE e.type = 'StakeholderRegistered' AND e.data->>'stakeholderId' = r.id AND e.position <= r.last_position`);
    await db.query(`
      UPDATE rm_commitments r SET sources = e.metadata->'sources' FROM events e
      WHERE e.type IN ('PledgeMade', 'RedLineStated') AND e.data->>'commitmentId' = r.id AND e.position <= r.last_position`);
    await db.query(`
      UPDATE rm_commitment_links r SET sources = e.metadata->'sources' FROM events e
      WHERE e.position = r.last_position`);
    for (const table of TABLES) await db.query(`ALTER TABLE ${table} ALTER COLUMN sources DROP DEFAULT`);
  }
}
