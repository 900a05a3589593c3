import { MigrationInterface, QueryRunner } from 'typeorm';

/** Auditors export, verify and see who submitted what; they do not write facts. */
export class AddAuditorRole1763900000004 implements MigrationInterface {
  name = 'AddAuditorRole1763900000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_check`);
    await db.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check CHECK (role IN ('contributor', 'editor', 'admin', 'auditor'))`);
    await db.query(`CREATE INDEX events_principal ON events (principal, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_principal`);
    await db.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_check`);
    await db.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check CHECK (role IN ('contributor', 'editor', 'admin'))`);
  }
}
