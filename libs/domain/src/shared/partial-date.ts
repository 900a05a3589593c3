/**
 * A date as precise as the reporting allows. "2025-04" is April 2025, never the 1st of April:
 * the precision is kept everywhere, and comparisons use the whole interval the value covers.
 */
export type DatePrecision = 'year' | 'month' | 'day' | 'instant';

export interface PartialDate {
  /** Normalised text as submitted ("2025", "2025-04", "2025-04-12", "2025-04-12T10:00:00.000Z"). */
  value: string;
  precision: DatePrecision;
  /** First instant the value covers (inclusive), ISO 8601 UTC. */
  start: string;
  /** First instant after the value (exclusive), ISO 8601 UTC. */
  end: string;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 date-time with an explicit offset: an instant is unambiguous only with its zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses a partial date, or returns null when the text is not one (or names a day that does not exist). */
export function parsePartialDate(text: string): PartialDate | null {
  let match: RegExpExecArray | null;
  if ((match = YEAR.exec(text))) {
    const year = Number(match[1]);
    return { value: text, precision: 'year', start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  }
  if ((match = MONTH.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return { value: text, precision: 'month', start: utc(year, month - 1, 1), end: utc(year, month, 1) };
  }
  if ((match = DAY.exec(text))) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const start = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || month > 12 || start.getUTCDate() !== day || start.getUTCMonth() !== month - 1) return null;
    return { value: text, precision: 'day', start: start.toISOString(), end: utc(year, month - 1, day + 1) };
  }
  if (INSTANT.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return null;
    const iso = instant.toISOString();
    return { value: iso, precision: 'instant', start: iso, end: new Date(instant.getTime() + 1).toISOString() };
  }
  return null;
}

/** Like parsePartialDate, for values already validated at the edge. */
export function requirePartialDate(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new RangeError(`not a partial date: ${text}`);
  return parsed;
}

/** True when the whole interval lies before the instant: "2025-04" is before 2025-05-01 but not before 2025-04-20. */
export function endsBefore(date: PartialDate, instant: string): boolean {
  return date.end <= new Date(instant).toISOString();
}

/** True when some of the interval lies after the instant (a "2026-03" event on 2026-03-09 may still be to come). */
export function startsAfter(date: PartialDate, instant: string): boolean {
  return date.start > new Date(instant).toISOString();
}

/** Human label that shows the precision: "2025", "April 2025", "7 March 2026". */
export function formatPartialDate(date: PartialDate): string {
  const start = new Date(date.start);
  const month = MONTH_NAMES[start.getUTCMonth()];
  switch (date.precision) {
    case 'year':
      return String(start.getUTCFullYear());
    case 'month':
      return `${month} ${start.getUTCFullYear()}`;
    case 'day':
      return `${start.getUTCDate()} ${month} ${start.getUTCFullYear()}`;
    case 'instant':
      return date.value;
    default: {
      const exhaustive: never = date.precision;
      return exhaustive;
    }
  }
}

function utc(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString();
}
