import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first round trip of a group commit: take the append lock, then read, each statement with a
 * snapshot taken after the lock (PL/pgSQL in READ COMMITTED), the log's head, the current version of
 * every stream the group names and the stored results of its idempotency keys. The caller seals and
 * chains the events in Node and writes them all with one statement before COMMIT.
 */
export class AddAppendGroupFunction1763900000008 implements MigrationInterface {
  name = 'AddAppendGroupFunction1763900000008';

  async up(db: QueryRunner): Promise<void> {
    // One jsonb argument, so the caller can send it with BEGIN in one simple-protocol round trip.
    await db.query(`
      CREATE FUNCTION saydo_append_begin(request jsonb)
      RETURNS TABLE (head_position bigint, head_hash text, recorded_at timestamptz, versions jsonb, idempotency jsonb)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock((request->>'lockKey')::bigint);
        RETURN QUERY
        SELECT h.position,
               h.hash::text,
               date_trunc('milliseconds', clock_timestamp()),
               -- One index probe per stream (newest version first), never a scan of the log.
               (SELECT coalesce(jsonb_object_agg(s.stream_id, v.stream_version), '{}'::jsonb)
                  FROM jsonb_array_elements_text(request->'streamIds') AS s(stream_id)
                  CROSS JOIN LATERAL (SELECT e.stream_version FROM events e WHERE e.stream_id = s.stream_id
                                      ORDER BY e.stream_version DESC LIMIT 1) AS v),
               (SELECT coalesce(jsonb_agg(jsonb_build_object('principal', k.principal, 'key', k.key,
                                                             'requestHash', k.request_hash, 'result', k.result)), '[]'::jsonb)
                  FROM jsonb_to_recordset(request->'keys') AS w(principal text, key text)
                  JOIN idempotency_keys k ON k.principal = w.principal AND k.key = w.key)
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (SELECT e.position, e.hash FROM events e ORDER BY e.position DESC LIMIT 1) AS h ON true;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION saydo_append_begin(jsonb)`);
  }
}
