import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline is read only as `(stakeholder_id, position)`: that pair becomes its primary key,
 * which is also the index reports read it by. The text id (`<stakeholder>@<position>`), its
 * index and `last_position` go: every event wrote two or three rows into two indexes, now into
 * one, and a rebuild sends two columns per row instead of four. A rebuild in progress across
 * this migration built the old shape: its shadow table and checkpoint are dropped.
 */
export class TimelineKeyedByStakeholderPosition1764900000001 implements MigrationInterface {
  name = 'TimelineKeyedByStakeholderPosition1764900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rm_timeline_entries_rebuild`);
    await db.query(`DELETE FROM projection_checkpoints WHERE name = 'rebuild:timeline'`);
    await db.query(`DROP INDEX rm_timeline_by_stakeholder`);
    await db.query(`ALTER TABLE rm_timeline_entries DROP CONSTRAINT rm_timeline_entries_pkey, DROP COLUMN id, DROP COLUMN last_position`);
    await db.query(`ALTER TABLE rm_timeline_entries ADD CONSTRAINT rm_timeline_entries_pkey PRIMARY KEY (stakeholder_id, position)`);
  }

  /** The old shape again; a row's last position comes back as its own position (what most rows had). */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rm_timeline_entries_rebuild`);
    await db.query(`DELETE FROM projection_checkpoints WHERE name = 'rebuild:timeline'`);
    await db.query(`ALTER TABLE rm_timeline_entries DROP CONSTRAINT rm_timeline_entries_pkey, ADD COLUMN id text, ADD COLUMN last_position bigint`);
    await db.query(`UPDATE rm_timeline_entries SET id = stakeholder_id || '@' || position, last_position = position`);
    await db.query(`ALTER TABLE rm_timeline_entries ALTER COLUMN id SET NOT NULL, ALTER COLUMN last_position SET NOT NULL, ADD CONSTRAINT rm_timeline_entries_pkey PRIMARY KEY (id)`);
    await db.query(`CREATE INDEX rm_timeline_by_stakeholder ON rm_timeline_entries (stakeholder_id, position)`);
  }
}
