import { ApiKeyRole } from '@saydo/platform';

/** Who is calling, resolved from the API key. */
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
}

/** The principal as stored on each event it submits. */
export function principalRef(principal: Principal): string {
  return `api-key:${principal.keyId}`;
}

/** What each role may do: an editor what a contributor does, an auditor reads the audit, an admin everything. */
const GRANTS: Record<ApiKeyRole, readonly ApiKeyRole[]> = {
  contributor: ['contributor'],
  editor: ['contributor', 'editor'],
  auditor: ['auditor'],
  admin: ['contributor', 'editor', 'auditor', 'admin'],
};

export function hasRole(principal: Principal, required: ApiKeyRole): boolean {
  return GRANTS[principal.role].includes(required);
}
