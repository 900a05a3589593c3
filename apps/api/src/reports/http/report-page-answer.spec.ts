import { foldSayDoReport, judgeSayDoReport } from '@saydo/domain';
import fc from 'fast-check';
import { asLog, decideHistory, historySteps, ORGS, PERSON } from '../../../../../libs/domain/src/testing/report-history';
import { reportPermalink } from './report-permalink';
import { pagedReport } from './paged-answers';
import { publish } from './published-answers';
import { reportPageAnswer } from './report-page-answer';

/** Instants on both sides of the generated due date (2025-06): some statuses turn between them, some do not. */
const INSTANTS = ['2025-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'];

describe('a report page serialised from kept commitment bytes', () => {
  it('is byte for byte the page serialised whole, whatever was judged and serialised from the same fold before', () => {
    fc.assert(
      fc.property(historySteps, fc.array(fc.tuple(fc.nat(4), fc.nat(2), fc.nat(3), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 8 }), (steps, asks) => {
        const log = asLog(decideHistory(steps), (index) => `2025-0${1 + (index % 9)}`);
        const stakeholders = [...ORGS, PERSON];
        const folds = new Map(stakeholders.map((id) => [id, foldSayDoReport(id, log)]));
        // the same kept folds judged and paged again and again, at instants that do and do not turn statuses
        for (const [who, instant, offset, limit] of asks) {
          const stakeholderId = stakeholders[who];
          const folded = folds.get(stakeholderId);
          if (!folded) continue;
          const report = { ...judgeSayDoReport(folded, INSTANTS[instant], log.length), knownAt: { position: log.length, recordedAt: null }, judgedAt: INSTANTS[instant], worldAsOf: null };
          const window = { offset, limit };
          const path = `/v1/stakeholders/${stakeholderId}/report`;
          const permalink = reportPermalink(path, report, window);
          const whole = publish(pagedReport(path, report, window), permalink);
          const spliced = reportPageAnswer(path, report, window).serialise(permalink);
          expect(spliced.bytes.toString('utf8')).toBe(whole.bytes.toString('utf8'));
          expect(spliced.contentHash).toBe(whole.contentHash);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the same judged commitment objects when a kept fold is judged again and no status turned', () => {
    const log = asLog(decideHistory(fc.sample(historySteps, { numRuns: 20, seed: 7 }).flat()), () => '2025-03');
    const folded = ORGS.map((id) => foldSayDoReport(id, log)).find((fold) => fold && fold.commitments.length > 0)!;
    expect(folded.commitments.length).toBeGreaterThan(0);
    const first = judgeSayDoReport(folded, '2027-01-01T00:00:00.000Z', 1);
    const again = judgeSayDoReport(folded, '2027-02-01T00:00:00.000Z', 2);
    expect(again.commitments).toEqual(first.commitments);
    again.commitments.forEach((commitment, n) => expect(commitment).toBe(first.commitments[n]));
  });
});
