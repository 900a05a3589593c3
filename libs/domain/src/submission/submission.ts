import { SaydoEvent, SaydoEventType } from '../catalogue/event-catalogue';
import { PartialDate } from '../shared/partial-date';
import { Source } from '../shared/source';

/** A fact as a client submits it: an event type, its data, when it happened and the evidence. */
export interface Submission<T extends SaydoEventType = SaydoEventType> {
  type: T;
  data: Extract<SaydoEvent, { type: T }>['data'];
  occurredAt: string;
  sources: Source[];
  /** The version the client expects the event's stream to be at (0: the stream must not exist yet). */
  expectedVersion?: number;
}

/** The history of one stream as loaded from the store. */
export interface LoadedStream {
  version: number;
  events: SaydoEvent[];
}

/** One event the submissions decided, ready to be appended to its stream. */
export interface DecidedEvent {
  streamId: string;
  event: SaydoEvent;
  schemaVersion: number;
  occurredAt: PartialDate;
  sources: Source[];
  subjects: string[];
}
