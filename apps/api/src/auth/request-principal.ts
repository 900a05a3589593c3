import { Principal } from './principal';

/** What a request's `Authorization: Bearer <key>` names, looked up once per request (the rate limit and the guard share it). */
const lookups = new WeakMap<object, Promise<Principal | null>>();

export const bearerSecretOf = (headers: Record<string, string | string[] | undefined>): string | null => {
  const value = headers.authorization;
  const match = typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match ? match[1] : null;
};

export function principalOf(request: object, secret: string, authenticate: (secret: string) => Promise<Principal | null>): Promise<Principal | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = authenticate(secret);
    lookups.set(request, lookup);
  }
  return lookup;
}
