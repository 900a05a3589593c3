import { DatePrecision } from '@saydo/domain';

/** Metadata the system writes beside each event's data; covered by the hash chain like everything else. */
export interface EventMetadata {
  sources: Array<Record<string, string>>;
  /** Stakeholders the event is about (actor, counterparties, commitment owner). */
  subjects: string[];
  [key: string]: unknown;
}

/** An event about to be appended. The store assigns position, version, recorded time and hash. */
export interface NewEvent {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: { value: string; precision: DatePrecision; start: string; end: string };
}

/** An event as committed to the global log. */
export interface StoredEvent {
  position: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: string;
  occurredPrecision: DatePrecision;
  /** Start and end (exclusive) of the interval `occurredAt` covers. */
  occurredFrom: string;
  occurredUntil: string;
  recordedAt: string;
  principal: string;
  hash: string;
}

/** What a writer learns about each event it appended (and what an idempotent replay returns). */
export interface AppendedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  position: number;
  recordedAt: string;
  hash: string;
}

/** A new event with what the store assigns at append time; the one place that maps the fields. */
export function sealEvent(event: NewEvent, seal: { position: number; streamVersion: number; recordedAt: string; principal: string }): Omit<StoredEvent, 'hash'> {
  return {
    position: seal.position,
    streamId: event.streamId,
    streamVersion: seal.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.value,
    occurredPrecision: event.occurredAt.precision,
    occurredFrom: event.occurredAt.start,
    occurredUntil: event.occurredAt.end,
    recordedAt: seal.recordedAt,
    principal: seal.principal,
  };
}
