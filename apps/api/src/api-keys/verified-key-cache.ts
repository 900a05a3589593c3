import { Principal } from '../auth/principal';

/**
 * Keys the database confirmed live, by secret hash, each trusted until `ttlMs` after it was checked.
 * Only live keys are kept (an unknown secret is asked again each time, so guessing cannot fill the
 * cache), and at most `maxEntries` of them: the oldest check goes first. Revocation in this process
 * forgets the key at once; one revoked elsewhere lapses within the TTL.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(keyHash: string): Principal | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.principal;
    this.entries.delete(keyHash);
    return undefined;
  }

  remember(keyHash: string, principal: Principal): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(keyHash);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(keyHash, { principal, until: this.now() + this.ttlMs });
  }

  forgetKeyId(keyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.keyId === keyId) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
