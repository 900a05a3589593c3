import { PartialDate } from '../shared/partial-date';
import { Source } from '../shared/source';

/** A fact as a client submits it: an event type, its data, when it happened and the evidence. */
export interface Submission {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  sources: Source[];
  /** The version the client expects the event's stream to be at (0: the stream must not exist yet). */
  expectedVersion?: number;
}

/** An event of the log as the rules need it. */
export interface LoggedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  subjects: string[];
}

/** The history of one stream as loaded from the store. */
export interface LoadedStream {
  version: number;
  events: LoggedEvent[];
}

/** One event the submissions decided, ready to be appended to its stream. */
export interface DecidedEvent {
  eventId: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  schemaVersion: number;
  occurredAt: PartialDate;
  sources: Source[];
  subjects: string[];
}
