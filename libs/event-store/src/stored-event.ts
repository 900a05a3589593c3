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
