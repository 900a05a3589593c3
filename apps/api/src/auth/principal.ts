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

const RANK: Record<ApiKeyRole, number> = { contributor: 1, editor: 2, admin: 3 };

/** Roles are ordered: an editor may do what a contributor does, an admin everything. */
export function hasRole(principal: Principal, required: ApiKeyRole): boolean {
  return RANK[principal.role] >= RANK[required];
}
