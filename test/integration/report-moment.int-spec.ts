import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@saydo/event-store';
import fc from 'fast-check';
import { reportPermalink } from '../../apps/api/src/reports/http/report-permalink';
import { permalinkMomentOf, resolveMoment } from '../../apps/api/src/reports/queries/report-moment';
import { ReportTime } from '../../apps/api/src/reports/queries/stakeholder-report/stakeholder-report.request.dto';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PATH = '/v1/stakeholders/o0/report';

/**
 * Answers already sent are found by the permalink `permalinkMomentOf` predicts before any read of
 * the log: whenever it predicts one, it must be the permalink the full resolution gives, or a
 * request would be answered another moment's bytes.
 */
describe('the permalink of a report request, predicted without reading the log', () => {
  let db: TestDatabase;
  let recordedAt: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    for (let n = 0; n < 6; n += 1) {
      const stakeholderId = `o${n}`;
      await store.append(
        [{ eventId: randomUUID(), streamId: `stakeholder-${stakeholderId}`, type: 'StakeholderRegistered', schemaVersion: 1, data: { stakeholderId, name: stakeholderId, kind: 'organization' }, metadata: { sources: [], subjects: [stakeholderId] }, occurredAt: { value: '2020', precision: 'year', start: '2020-01-01T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' } }],
        { principal: 'key:editor', expectedVersions: new Map() },
      );
    }
    recordedAt = (await db.pool.query<{ recorded_at: Date }>('SELECT recorded_at FROM events ORDER BY position')).rows.map((row) => row.recorded_at.toISOString());
  });
  afterAll(() => db.drop());

  const time: fc.Arbitrary<ReportTime> = fc.record(
    {
      knownAt: fc.oneof(fc.nat(9).map(String), fc.nat(5).map((n) => `instant:${n}`)),
      date: fc.constantFrom('2026', '2026-03', '2026-03-09', '2026-03-09T10:00:00Z', '2026-03-09T10:00:00+02:00'),
      asOf: fc.constantFrom('2025', '2026-02', '2026-02-28', '2026-02-28T23:00:00Z'),
    },
    { requiredKeys: [] },
  );

  it('agrees with the full resolution whenever it predicts one, for random time axes and read-model positions', async () => {
    await fc.assert(
      fc.asyncProperty(time, fc.nat(6), async (asked, readModelPosition) => {
        // A knownAt timestamp is one of the log's own instants (resolved to its position by the full path).
        const request = asked.knownAt?.startsWith('instant:') ? { ...asked, knownAt: recordedAt[Number(asked.knownAt.slice('instant:'.length))] } : asked;
        const predicted = permalinkMomentOf(readModelPosition, request);
        const resolved = await db.dataSource.transaction((manager) => resolveMoment(manager, readModelPosition, request));
        const full = reportPermalink(PATH, { knownAt: resolved.knownAt, judgedAt: resolved.judgedAt, worldAsOf: resolved.asOf && { value: resolved.asOf.value, precision: resolved.asOf.precision } });
        if (predicted) expect(reportPermalink(PATH, predicted)).toBe(full);
        // Only a knownAt timestamp, or a position judged when it was recorded, needs the log.
        const needsLog = request.knownAt !== undefined && (!/^\d+$/.test(request.knownAt) || (!request.date && !request.asOf));
        expect(predicted === null).toBe(needsLog);
      }),
      { numRuns: 200 },
    );
  });
});
