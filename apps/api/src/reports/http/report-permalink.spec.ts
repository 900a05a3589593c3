import fc from 'fast-check';
import { parsePartialDate } from '@saydo/domain';
import { ReportMomentFields } from '../queries/report-moment';
import { reportPermalink, segment } from './report-permalink';

const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const worldDate = fc.oneof(
  fc.integer({ min: 1000, max: 9999 }).map(String),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  instant,
);
const moment: fc.Arbitrary<ReportMomentFields> = fc.record({
  knownAt: fc.record({ position: fc.nat(), recordedAt: fc.option(instant) }),
  judgedAt: instant,
  worldAsOf: fc.option(worldDate.map((value) => ({ value, precision: parsePartialDate(value)!.precision }))),
});

describe('reportPermalink', () => {
  it('given the moment of an answer, pins its position (never a timestamp), the judged instant and the world date, which a request parses back as given', () => {
    fc.assert(
      // Any id but the dot segments, which no URL can carry (see `segment`).
      fc.property(fc.string({ minLength: 1 }).filter((id) => id !== '.' && id !== '..'), moment, (id, m) => {
        const path = `/v1/stakeholders/${segment(id)}/report`;
        const link = reportPermalink(path, m);
        const url = new URL(link, 'http://saydo.invalid');
        expect(url.pathname).toBe(path);
        expect(decodeURIComponent(url.pathname.split('/')[3])).toBe(id);
        expect([...url.searchParams.keys()]).toEqual(m.worldAsOf ? ['knownAt', 'date', 'asOf'] : ['knownAt', 'date']);
        expect(url.searchParams.get('knownAt')).toBe(String(m.knownAt.position));
        expect(url.searchParams.get('date')).toBe(m.judgedAt);
        expect(url.searchParams.get('asOf')).toBe(m.worldAsOf?.value ?? null);
      }),
    );
  });

  it('keeps instants readable, as in /v1/stakeholders/openai/report?knownAt=1234&date=2026-12-01T21:00:00.000Z', () => {
    const m = { knownAt: { position: 1234, recordedAt: null }, judgedAt: '2026-12-01T21:00:00.000Z', worldAsOf: null };
    expect(reportPermalink('/v1/stakeholders/openai/report', m)).toBe('/v1/stakeholders/openai/report?knownAt=1234&date=2026-12-01T21:00:00.000Z');
    expect(reportPermalink('/v1/topics/ai/comparison', { ...m, worldAsOf: { value: '2026-03-09T10:00:00+02:00', precision: 'instant' } })).toBe(
      '/v1/topics/ai/comparison?knownAt=1234&date=2026-12-01T21:00:00.000Z&asOf=2026-03-09T10:00:00%2B02:00',
    );
  });
});
