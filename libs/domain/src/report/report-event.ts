import { DatePrecision, formatPartialDate, requirePartialDate } from '../shared/partial-date';

/** An event of the log as reports read it. */
export interface ReportEvent {
  position: number;
  eventId: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
  sources: object[];
  subjects: string[];
}

/** A date with its precision and a label that never invents a day ("April 2025"). */
export interface Dated {
  value: string;
  precision: DatePrecision;
  label: string;
}

export function dated(value: string): Dated {
  const date = requirePartialDate(value);
  return { value: date.value, precision: date.precision, label: formatPartialDate(date) };
}

/** Orders by when it happened (coarser dates first within the same start), then by log position. */
export function byOccurrence(a: ReportEvent, b: ReportEvent): number {
  const da = requirePartialDate(a.occurredAt);
  const db = requirePartialDate(b.occurredAt);
  return da.start.localeCompare(db.start) || db.end.localeCompare(da.end) || a.position - b.position;
}
