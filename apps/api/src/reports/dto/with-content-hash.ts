import { contentHash } from '@saydo/domain';

/** Adds the SHA-256 of the body, so a published report can be re-fetched (with knownAt) and compared. */
export function withContentHash<T extends object>(body: T): T & { contentHash: string } {
  return { ...body, contentHash: contentHash(body) };
}
