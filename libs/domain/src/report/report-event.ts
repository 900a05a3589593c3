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

/**
 * Display order only: by when it happened (coarser dates first within the same start), then by
 * log position. Folds never use it: what a status or a link is depends on the log order alone.
 */
export function byWorldDate(a: { occurredAt: Dated; position?: number }, b: { occurredAt: Dated; position?: number }): number {
  const da = requirePartialDate(a.occurredAt.value);
  const db = requirePartialDate(b.occurredAt.value);
  return da.start.localeCompare(db.start) || db.end.localeCompare(da.end) || (a.position ?? 0) - (b.position ?? 0);
}

/** Sorts a copy for display by a date of each item; equal dates keep their (log) order. */
export function forDisplay<T>(items: readonly T[], dateOf: (item: T) => Dated, positionOf: (item: T) => number = () => 0): T[] {
  return [...items].sort((a, b) => byWorldDate({ occurredAt: dateOf(a), position: positionOf(a) }, { occurredAt: dateOf(b), position: positionOf(b) }));
}
