import fc from 'fast-check';
import { PAGED_COMMITMENT_LISTS, PAGED_REPORT_LISTS, pageDossier, pageSayDoReport, pageTimeline } from './report-page';
import { SayDoReport } from './say-do-report.types';
import { TimelineEntry } from './timeline';

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** A report whose lists hold tagged placeholders: paging only slices, it never reads an item. */
const report = fc
  .record({
    lengths: fc.array(fc.nat({ max: 40 }), { minLength: PAGED_REPORT_LISTS.length, maxLength: PAGED_REPORT_LISTS.length }),
    nested: fc.array(fc.nat({ max: 40 }), { minLength: PAGED_COMMITMENT_LISTS.length, maxLength: PAGED_COMMITMENT_LISTS.length }),
  })
  .map(({ lengths, nested }) => {
    const lists = Object.fromEntries(PAGED_REPORT_LISTS.map((list, i) => [list, items(list, lengths[i])]));
    const commitments = lists.commitments.map((id) => ({ commitmentId: id, status: 'kept', ...Object.fromEntries(PAGED_COMMITMENT_LISTS.map((list, i) => [list, items(`${id}-${list}`, nested[i])])) }));
    return { stakeholder: { stakeholderId: 's' }, position: 7, summary: { kept: lists.commitments.length }, ...lists, commitments } as unknown as SayDoReport;
  });

describe('pageSayDoReport', () => {
  it('given any report and page size, the pages followed while `more` holds give back every list whole, in order, once; summary and totals count everything', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 1, max: 15 }), (whole, limit) => {
        const seen: Record<string, unknown[]> = Object.fromEntries(PAGED_REPORT_LISTS.map((list) => [list, []]));
        for (let offset = 0; ; offset += limit) {
          const page = pageSayDoReport(whole, { offset, limit });
          expect(page.summary).toBe(whole.summary);
          for (const list of PAGED_REPORT_LISTS) {
            expect(page.page.totals[list]).toBe(whole[list].length);
            expect(page[list].length).toBeLessThanOrEqual(limit);
            seen[list].push(...(list === 'commitments' ? page.commitments.map((c) => c.commitmentId) : page[list]));
          }
          for (const commitment of page.commitments) {
            const original = whole.commitments.find((c) => c.commitmentId === commitment.commitmentId)!;
            for (const list of PAGED_COMMITMENT_LISTS) {
              expect(commitment.totals[list]).toBe(original[list].length);
              expect(commitment[list]).toEqual(original[list].slice(0, limit));
            }
          }
          if (!page.page.more) break;
        }
        for (const list of PAGED_REPORT_LISTS) expect(seen[list]).toEqual(list === 'commitments' ? whole.commitments.map((c) => c.commitmentId) : whole[list]);
      }),
    );
  });
});

describe('pageTimeline', () => {
  it('pages the entries and counts them all', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 20 }), fc.nat({ max: 70 }), (n, limit, offset) => {
        const entries = items('e', n) as unknown as TimelineEntry[];
        const page = pageTimeline(entries, { offset, limit });
        expect(page.entries).toEqual(entries.slice(offset, offset + limit));
        expect(page.page).toEqual({ offset, limit, more: n > offset + limit, totals: { entries: n } });
      }),
    );
  });
});

describe('pageDossier', () => {
  it("pages the commitment's own lists and the editorial notes by one window, counting them all", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 10 }), fc.nat({ max: 35 }), (n, limit, offset) => {
        const commitment = { commitmentId: 'c', status: 'kept', ...Object.fromEntries(PAGED_COMMITMENT_LISTS.map((list, i) => [list, items(list, n[i])])) } as never;
        const dossier = { commitment, retractions: items('r', n[4]), corrections: items('c', n[5]) };
        const page = pageDossier(dossier, { offset, limit });
        for (const [i, list] of PAGED_COMMITMENT_LISTS.entries()) {
          expect(page.commitment[list]).toEqual(items(list, n[i]).slice(offset, offset + limit));
          expect(page.commitment.totals[list]).toBe(n[i]);
        }
        expect(page.retractions).toEqual(dossier.retractions.slice(offset, offset + limit));
        expect(page.page.totals).toEqual({ retractions: n[4], corrections: n[5] });
        expect(page.page.more).toBe(n.some((total) => total > offset + limit));
      }),
    );
  });
});
