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
});
