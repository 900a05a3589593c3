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
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Years 0001 to 9999 (four digits, no year zero). The record's time ends with 9999: the
 * exclusive end of its last interval is capped at its last millisecond, so every bound stays a
 * four-digit ISO string (they are compared as text, and PostgreSQL reads them).
 */
const FIRST_INSTANT = utcMs(1, 0, 1);
const LAST_INSTANT = utcMs(10000, 0, 1) - 1;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Parses a partial date, or returns null when the text is not one: a month, day or time of day
 * that does not exist ("2025-02-30", "2025-02-28T24:00Z"), year 0000, or an instant outside
 * years 0001-9999 once its offset is applied.
 */
export function parsePartialDate(text: string): PartialDate | null {
  if (text.length > CALENDAR_TEXT_MAX_LENGTH) return parseText(text);
  const known = calendarDates.get(text);
  if (known !== undefined) return known;
  if (calendarDates.size >= CALENDAR_DATES_KEPT) calendarDates.clear();
  const parsed = parseText(text);
  calendarDates.set(text, parsed);
  return parsed;
}

/**
 * Years, months and days parsed already: a history repeats a few of them thousands of times (every
 * event of a month), and a fold parses each event's date, so a cold report of 5,000 events spent
 * most of its time in these two `toISOString`s. Instants are nearly all distinct and are not kept.
 * The values are frozen: one object is shared by every caller. Bounded: cleared when full.
 */
const CALENDAR_TEXT_MAX_LENGTH = 'YYYY-MM-DD'.length;
const CALENDAR_DATES_KEPT = 10_000;
const calendarDates = new Map<string, PartialDate | null>();

function parseText(text: string): PartialDate | null {
  let match: RegExpExecArray | null;
  if ((match = YEAR.exec(text))) {
    const year = Number(match[1]);
    if (year < 1) return null;
    return interval(text, 'year', utcMs(year, 0, 1), utcMs(year + 1, 0, 1));
  }
  if ((match = MONTH.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (year < 1 || month < 1 || month > 12) return null;
    return interval(text, 'month', utcMs(year, month - 1, 1), utcMs(year, month, 1));
  }
  if ((match = DAY.exec(text))) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isCalendarDay(year, month, day)) return null;
    return interval(text, 'day', utcMs(year, month - 1, day), utcMs(year, month - 1, day + 1));
  }
  if ((match = INSTANT.exec(text))) {
    const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number);
    const seconds = Number(match[6] ?? 0);
    const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
    const [sign, offsetHours, offsetMinutes] = [match[8] === '-' ? -1 : 1, Number(match[9] ?? 0), Number(match[10] ?? 0)];
    if (!isCalendarDay(year, month, day) || hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
    const instant = utcMs(year, month - 1, day, hours, minutes, seconds, milliseconds) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
    if (instant < FIRST_INSTANT || instant > LAST_INSTANT) return null;
    const iso = new Date(instant).toISOString();
    return interval(iso, 'instant', instant, instant + 1);
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
      return yearLabel(start);
    case 'month':
      return `${month} ${yearLabel(start)}`;
    case 'day':
      return `${start.getUTCDate()} ${month} ${yearLabel(start)}`;
    case 'instant':
      return date.value;
    default: {
      const exhaustive: never = date.precision;
      return exhaustive;
    }
  }
}

/** "0050" stays 0050: four digits, as the value was written. */
function yearLabel(start: Date): string {
  return String(start.getUTCFullYear()).padStart(4, '0');
}

function interval(value: string, precision: DatePrecision, start: number, end: number): PartialDate {
  return Object.freeze({ value, precision, start: new Date(start).toISOString(), end: new Date(Math.min(end, LAST_INSTANT)).toISOString() });
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(utcMs(year, month, 0)).getUTCDate();
}

/**
 * Milliseconds since the epoch of a UTC date-time. Not Date.UTC: it reads years 0-99 as
 * 1900-1999, so "0050" would become 1950. setUTCFullYear takes the year as written.
 */
function utcMs(year: number, monthIndex: number, day: number, hours = 0, minutes = 0, seconds = 0, milliseconds = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hours, minutes, seconds, milliseconds);
  return date.getTime();
}
