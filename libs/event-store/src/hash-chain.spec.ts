import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { chainHash, eventJson, GENESIS_HASH, HashedFields } from './hash-chain';

/** The chain's definition as first written: SHA-256 of the previous hash, a newline and the JCS text of the twelve fields. */
function referenceHash(previousHash: string, e: HashedFields): string {
  const canonical = canonicalize({
    position: e.position,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    occurredAt: e.occurredAt,
    occurredPrecision: e.occurredPrecision,
    recordedAt: e.recordedAt,
    principal: e.principal,
  });
  return createHash('sha256').update(previousHash).update('\n').update(canonical ?? '').digest('hex');
}

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const event: fc.Arbitrary<HashedFields> = fc.record({
  position: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  streamId: text,
  streamVersion: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  eventId: fc.uuid(),
  type: text,
  schemaVersion: fc.integer({ min: 1, max: 9 }),
  data: fc.dictionary(text, fc.jsonValue()),
  metadata: fc.record({ sources: fc.array(fc.dictionary(text, text), { maxLength: 3 }), subjects: fc.array(text, { maxLength: 3 }) }, { requiredKeys: [] }).map((m) => ({ sources: [], subjects: [], ...m })),
  occurredAt: text,
  occurredPrecision: fc.constantFrom('year' as const, 'month' as const, 'day' as const, 'instant' as const),
  recordedAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  principal: text,
});

describe('chainHash', () => {
  it('is the hash of the JCS text of the twelve fields, whether or not the canonical data and metadata are given', () => {
    fc.assert(
      fc.property(fc.constantFrom(GENESIS_HASH, 'f'.repeat(64)), event, (previous, e) => {
        const expected = referenceHash(previous, e);
        expect(chainHash(previous, e)).toBe(expected);
        expect(chainHash(previous, e, eventJson(e))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
