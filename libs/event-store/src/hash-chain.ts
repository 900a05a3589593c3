import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { StoredEvent } from './stored-event';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers: everything that was recorded, nothing derived. */
export type HashedFields = Omit<StoredEvent, 'hash' | 'occurredFrom' | 'occurredUntil'>;

/**
 * SHA-256 over the previous event's hash and the RFC 8785 (JCS) canonical JSON of the event,
 * so the same event always serialises to the same bytes whatever the key order of its JSONB.
 */
export function chainHash(previousHash: string, event: HashedFields): string {
  const canonical = canonicalize({
    position: event.position,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt,
    occurredPrecision: event.occurredPrecision,
    recordedAt: event.recordedAt,
    principal: event.principal,
  });
  return createHash('sha256').update(previousHash).update('\n').update(canonical ?? '').digest('hex');
}
