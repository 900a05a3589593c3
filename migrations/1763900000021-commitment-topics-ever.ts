import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections may change a commitment's topics. `topics` follows them; `all_topics` keeps every
 * topic it was ever stated or corrected under, so a topic comparison pinned before a correction
 * (`knownAt`) still finds the owner, and the fold decides what the commitment's topics were then.
 */
export class CommitmentTopicsEver1763900000021 implements MigrationInterface {
  name = 'CommitmentTopicsEver1763900000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rm_commitments ADD COLUMN all_topics text[] NOT NULL DEFAULT '{}'`);
    // Rows projected before this migration never saw a correction of their topics (the projection ignored them).
    await db.query(`UPDATE rm_commitments SET all_topics = topics`);
    await db.query(`ALTER TABLE rm_commitments ALTER COLUMN all_topics DROP DEFAULT`);
    await db.query(`CREATE INDEX rm_commitments_all_topics ON rm_commitments USING gin (all_topics)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX rm_commitments_all_topics`);
    await db.query(`ALTER TABLE rm_commitments DROP COLUMN all_topics`);
  }
}
