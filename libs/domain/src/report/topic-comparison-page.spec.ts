import fc from 'fast-check';
import { TopicComparison } from './topic-comparison';
import { pageTopicComparison } from './topic-comparison-page';

const comparisonOf = (sizes: number[]): TopicComparison => ({
  topic: 't',
  asOf: '2026-01-01T00:00:00Z',
  position: 1,
  stakeholders: sizes.map((size, s) => ({
    stakeholder: { stakeholderId: `s${String(s).padStart(3, '0')}`, name: `S${s}`, kind: 'organization' } as TopicComparison['stakeholders'][number]['stakeholder'],
    commitments: Array.from({ length: size }, (_, c) => ({ commitmentId: `s${s}-c${c}`, kind: 'pledge', text: 'x', status: 'pending', statedAt: '2020', withdrawn: false, contested: false, links: 0, suggestions: 0 }) as never),
  })),
});
const idsOf = (comparison: TopicComparison) => comparison.stakeholders.flatMap((entry) => entry.commitments.map((c) => c.commitmentId));

describe('a topic comparison paged by commitments', () => {
  it('cuts a stakeholder with many commitments across pages, grouped under it on each', () => {
    const comparison = comparisonOf([2, 5, 1]);
    const second = pageTopicComparison(comparison, { offset: 3, limit: 3 });
    expect(second.stakeholders.map((entry) => [entry.stakeholder.stakeholderId, entry.commitments.map((c) => c.commitmentId)])).toEqual([['s001', ['s1-c1', 's1-c2', 's1-c3']]]);
    expect(second.page).toEqual({ offset: 3, limit: 3, more: true, totals: { stakeholders: 3, commitments: 8 } });
    expect(pageTopicComparison(comparison, { offset: 6, limit: 3 }).page.more).toBe(false);
  });

  it('walked page by page, gives every commitment once, in order, and no page holds more than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 15 }), fc.integer({ min: 1, max: 10 }), (sizes, limit) => {
        const comparison = comparisonOf(sizes);
        const walked: string[] = [];
        for (let offset = 0; ; offset += limit) {
          const page = pageTopicComparison(comparison, { offset, limit });
          const ids = idsOf(page);
          if (ids.length > limit) return false;
          walked.push(...ids);
          if (page.stakeholders.some((entry) => entry.commitments.length === 0)) return false;
          if (!page.page.more) break;
        }
        return JSON.stringify(walked) === JSON.stringify(idsOf(comparison));
      }),
    );
  });
});
