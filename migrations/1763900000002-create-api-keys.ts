import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys, stored as SHA-256 digests (keys are 256-bit random, so a slow hash adds nothing). */
export class CreateApiKeys1763900000002 implements MigrationInterface {
  name = 'CreateApiKeys1763900000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id          uuid        PRIMARY KEY,
        name        text        NOT NULL,
        role        text        NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
        key_hash    char(64)    NOT NULL UNIQUE,
        key_prefix  text        NOT NULL,
        created_by  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
  }
}
