import { PageWindow } from './report-page';
import { TopicComparison } from './topic-comparison';

type ComparedStakeholder = TopicComparison['stakeholders'][number];

export interface TopicComparisonPage {
  offset: number;
  limit: number;
  /** Whether commitments follow this page. */
  more: boolean;
  /** The whole comparison's counts, whatever the page. */
  totals: { stakeholders: number; commitments: number };
}

/**
 * One page of a comparison: commitments [offset, offset + limit) in the comparison's order
 * (stakeholders by id, each one's commitments in its report's order), still grouped under their
 * stakeholder. The window counts commitments, not stakeholders, so a page stays small however many
 * commitments one stakeholder has; a stakeholder whose commitments straddle two pages is on both.
 */
export function pageTopicComparison<C extends TopicComparison>(comparison: C, window: PageWindow): C & { page: TopicComparisonPage } {
  const end = window.offset + window.limit;
  const stakeholders: ComparedStakeholder[] = [];
  let seen = 0;
  for (const entry of comparison.stakeholders) {
    const from = Math.max(window.offset - seen, 0);
    const to = Math.min(end - seen, entry.commitments.length);
    if (from < to) stakeholders.push({ ...entry, commitments: entry.commitments.slice(from, to) });
    seen += entry.commitments.length;
  }
  return {
    ...comparison,
    stakeholders,
    page: { offset: window.offset, limit: window.limit, more: seen > end, totals: { stakeholders: comparison.stakeholders.length, commitments: seen } },
  };
}
