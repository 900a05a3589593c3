import { PoolClient } from 'pg';

/**
 * `CREATE TABLE ... (LIKE ... INCLUDING ALL)` copies columns, defaults, constraints and indexes
 * but not the owner nor the privileges: the shadow table belongs to whoever runs the rebuild, and
 * after the switch the roles that could read the live table could not. Gives the shadow table
 * the live table's owner and grants (each privilege, to each grantee or PUBLIC, with its grant
 * option), so the switch changes the rows and nothing else.
 */
export async function copyOwnerAndGrants(client: PoolClient, live: string, shadow: string): Promise<void> {
  const { rows } = await client.query<{ owner: string; current: string; has_acl: boolean }>(
    `SELECT pg_get_userbyid(relowner) AS owner, current_user AS current, relacl IS NOT NULL AS has_acl FROM pg_class WHERE oid = $1::regclass`,
    [live],
  );
  const { owner, current, has_acl: hasAcl } = rows[0];
  // No ACL: the owner's default privileges, as the new table has already.
  if (hasAcl) await copyGrants(client, live, shadow, current);
  // After the grants: a new owner takes over the privileges its predecessor held and gave.
  if (owner !== current) await client.query(`ALTER TABLE ${shadow} OWNER TO ${quoteIdent(owner)}`);
}

/** The live table has an explicit ACL (a GRANT or REVOKE ran on it): the shadow table gets the same entries. */
async function copyGrants(client: PoolClient, live: string, shadow: string, creator: string): Promise<void> {
  const grants = await client.query<{ grantee: string | null; privilege: string; grantable: boolean }>(
    `SELECT CASE WHEN g.grantee = 0 THEN NULL ELSE pg_get_userbyid(g.grantee) END AS grantee, g.privilege_type AS privilege, g.is_grantable AS grantable
     FROM pg_class c, aclexplode(c.relacl) g WHERE c.oid = $1::regclass`,
    [live],
  );
  // The creator holds every privilege on a table it made; the live table's ACL says what the shadow table should have.
  await client.query(`REVOKE ALL ON ${shadow} FROM ${quoteIdent(creator)}`);
  for (const { grantee, privilege, grantable } of grants.rows) {
    await client.query(`GRANT ${privilege} ON ${shadow} TO ${grantee === null ? 'PUBLIC' : quoteIdent(grantee)}${grantable ? ' WITH GRANT OPTION' : ''}`);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
