import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { StoredEvent } from './stored-event';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers: everything that was recorded, nothing derived. */
export type HashedFields = Omit<StoredEvent, 'hash' | 'occurredFrom' | 'occurredUntil'>;

/**
 * An event's data and metadata in canonical JSON, written once per event: the chain hashes these
 * very strings and the append sends them as the rows' JSONB (a JSONB value does not keep key order,
 * so the canonical text stores exactly what any other serialisation would).
 */
export interface EventJson {
  data: string;
  metadata: string;
}

export function eventJson(event: Pick<HashedFields, 'data' | 'metadata'>): EventJson {
  return { data: canonicalJson(event.data) ?? 'null', metadata: canonicalJson(event.metadata) ?? 'null' };
}

/**
 * SHA-256 over the previous event's hash and the RFC 8785 (JCS) canonical JSON of the event,
 * so the same event always serialises to the same bytes whatever the key order of its JSONB.
 * The canonical object is written member by member in its sorted key order (the order JCS
 * prescribes, checked against the `canonicalize` package by hash-chain.spec.ts), with the
 * data and metadata given as their canonical text when the caller already has it.
 */
export function chainHash(previousHash: string, event: HashedFields, json?: EventJson): string {
  let text = '{';
  const member = (key: string, value: unknown, canonical?: string) => {
    // As canonicalize does: undefined and symbol members are left out, anything else written.
    if (value === undefined || typeof value === 'symbol') return;
    text += `${text.length > 1 ? ',' : ''}"${key}":${canonical ?? canonicalJson(value)}`;
  };
  member('data', event.data, json?.data);
  member('eventId', event.eventId);
  member('metadata', event.metadata, json?.metadata);
  member('occurredAt', event.occurredAt);
  member('occurredPrecision', event.occurredPrecision);
  member('position', event.position);
  member('principal', event.principal);
  member('recordedAt', event.recordedAt);
  member('schemaVersion', event.schemaVersion);
  member('streamId', event.streamId);
  member('streamVersion', event.streamVersion);
  member('type', event.type);
  return createHash('sha256').update(previousHash).update('\n').update(`${text}}`).digest('hex');
}
