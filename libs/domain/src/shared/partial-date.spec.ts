import fc from 'fast-check';
import { endsBefore, formatPartialDate, parsePartialDate, startsAfter } from './partial-date';

describe('partial dates', () => {
  it.each([
    ['2025', 'year', '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2025-04', 'month', '2025-04-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'],
    ['2024-02-29', 'day', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['2026-02-27T18:30:00+01:00', 'instant', '2026-02-27T17:30:00.000Z', '2026-02-27T17:30:00.001Z'],
  ])('%s has precision %s and covers [%s, %s)', (text, precision, start, end) => {
    expect(parsePartialDate(text)).toMatchObject({ precision, start, end });
  });

  it.each(['2025-13', '2025-02-29', '2025-4', '25', '2025-04-31', '2026-02-27T18:30:00', 'April 2025', ''])(
    'rejects %p',
    (text) => expect(parsePartialDate(text)).toBeNull(),
  );

  it('labels keep the precision: a month never shows as its first day', () => {
    expect(formatPartialDate(parsePartialDate('2025-04')!)).toBe('April 2025');
    expect(formatPartialDate(parsePartialDate('2025')!)).toBe('2025');
    expect(formatPartialDate(parsePartialDate('2026-03-07')!)).toBe('7 March 2026');
  });

  it('compares the whole interval against an instant', () => {
    const april = parsePartialDate('2025-04')!;
    expect(endsBefore(april, '2025-04-20T00:00:00Z')).toBe(false);
    expect(endsBefore(april, '2025-05-01T00:00:00Z')).toBe(true);
    expect(startsAfter(april, '2025-03-31T23:59:59Z')).toBe(true);
    expect(startsAfter(april, '2025-04-01T00:00:00Z')).toBe(false);
  });

  it('every real calendar day parses, and its interval is one day long', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        const parsed = parsePartialDate(text)!;
        expect(parsed.precision).toBe('day');
        expect(Date.parse(parsed.end) - Date.parse(parsed.start)).toBe(86_400_000);
      }),
    );
  });

  it.each([
    ['2025-02-30T24:00:00Z', 'a day February does not have'],
    ['2025-02-28T24:00:00Z', 'hour 24'],
    ['2025-02-28T23:60:00Z', 'minute 60'],
    ['2025-02-28T23:59:60Z', 'second 60'],
    ['2025-02-28T12:00:00+24:00', 'an offset of 24 hours'],
    ['2025-13-45T99:99Z', 'month 13'],
    ['0000', 'year zero'],
    ['0000-06', 'a month of year zero'],
    ['0000-06-01', 'a day of year zero'],
    ['0001-01-01T00:30:00+01:00', 'an instant before year 0001 once its offset applies'],
    ['9999-12-31T23:30:00-01:00', 'an instant after year 9999 once its offset applies'],
  ])('rejects the impossible instant or date %p (%s)', (text) => expect(parsePartialDate(text)).toBeNull());

  it.each([
    ['0050', '0050-01-01T00:00:00.000Z', '0051-01-01T00:00:00.000Z', '0050'],
    ['0099', '0099-01-01T00:00:00.000Z', '0100-01-01T00:00:00.000Z', '0099'],
    ['0001-02', '0001-02-01T00:00:00.000Z', '0001-03-01T00:00:00.000Z', 'February 0001'],
    ['0012-12-31', '0012-12-31T00:00:00.000Z', '0013-01-01T00:00:00.000Z', '31 December 0012'],
    ['0050-06-01T10:00:00Z', '0050-06-01T10:00:00.000Z', '0050-06-01T10:00:00.001Z', '0050-06-01T10:00:00.000Z'],
  ])('years before 100 keep their own value: %s covers [%s, %s), labelled %s', (text, start, end, label) => {
    const parsed = parsePartialDate(text)!;
    expect(parsed).toMatchObject({ start, end });
    expect(formatPartialDate(parsed)).toBe(label);
  });

  it('the last year ends at the last millisecond of 9999, so bounds stay four-digit ISO strings', () => {
    expect(parsePartialDate('9999')).toMatchObject({ start: '9999-01-01T00:00:00.000Z', end: '9999-12-31T23:59:59.999Z' });
    expect(parsePartialDate('9999-12-31T23:59:59.999Z')).toMatchObject({ start: '9999-12-31T23:59:59.999Z', end: '9999-12-31T23:59:59.999Z' });
  });

  it('an instant is normalised to UTC, fractions beyond milliseconds truncated', () => {
    expect(parsePartialDate('2025-01-01T00:00:00.123456789Z')?.value).toBe('2025-01-01T00:00:00.123Z');
    expect(parsePartialDate('2025-01-01T00:30-01:00')?.value).toBe('2025-01-01T01:30:00.000Z');
  });

  it('every year, month and day from 0001 to 9999 keeps its own value and label', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const yyyy = String(year).padStart(4, '0');
        const mm = String(month).padStart(2, '0');
        expect(parsePartialDate(yyyy)!.start.slice(0, 4)).toBe(yyyy);
        expect(formatPartialDate(parsePartialDate(yyyy)!)).toBe(yyyy);
        const monthDate = parsePartialDate(`${yyyy}-${mm}`)!;
        expect(monthDate.start.slice(0, 7)).toBe(`${yyyy}-${mm}`);
        expect(monthDate.start < monthDate.end).toBe(true);
        const text = `${yyyy}-${mm}-${String(day).padStart(2, '0')}`;
        const reference = new Date(0);
        reference.setUTCFullYear(year, month - 1, day);
        const exists = reference.getUTCDate() === day;
        expect(parsePartialDate(text)?.start.slice(0, 10) ?? null).toBe(exists ? text : null);
        expect(parsePartialDate(`${text}T12:00:00Z`)?.start.slice(0, 10) ?? null).toBe(exists ? text : null);
      }),
    );
  });

  it('every instant JavaScript can write in years 0001-9999 reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        expect(parsePartialDate(date.toISOString())?.start).toBe(date.toISOString());
      }),
    );
  });
});
