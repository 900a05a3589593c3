import { CommitmentReport, SayDoReport } from './say-do-report.types';
import { TimelineEntry } from './timeline';

/** Which slice of each list a page holds: items [offset, offset + limit). */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** The lists of a report that grow with history, each paged by the same window. */
export const PAGED_REPORT_LISTS = ['commitments', 'unlinkedActions', 'reactions', 'policies', 'affiliations', 'retractions', 'corrections'] as const;
type PagedReportList = (typeof PAGED_REPORT_LISTS)[number];

/** A commitment's own lists; the report shows the first `limit` of each, its dossier pages them. */
export const PAGED_COMMITMENT_LISTS = ['history', 'links', 'suggestions', 'citedBy'] as const;
type PagedCommitmentList = (typeof PAGED_COMMITMENT_LISTS)[number];

export interface ReportPage {
  offset: number;
  limit: number;
  /** Whether any list has items past this page. */
  more: boolean;
  /** Each list's length in the whole report (summary and statuses count everything, whatever the page). */
  totals: Record<PagedReportList, number>;
}

export type CommitmentOnPage = CommitmentReport & { totals: Record<PagedCommitmentList, number> };
export type SayDoReportPage = Omit<SayDoReport, 'commitments'> & { commitments: CommitmentOnPage[]; page: ReportPage };

const slice = <T>(items: readonly T[], window: PageWindow) => items.slice(window.offset, window.offset + window.limit);

/** A commitment with each of its own lists cut to the window, and their whole lengths. */
export function pageCommitment(commitment: CommitmentReport, window: PageWindow): CommitmentOnPage {
  const totals = Object.fromEntries(PAGED_COMMITMENT_LISTS.map((list) => [list, commitment[list].length])) as Record<PagedCommitmentList, number>;
  const cut = Object.fromEntries(PAGED_COMMITMENT_LISTS.map((list) => [list, slice(commitment[list] as unknown[], window)]));
  return { ...commitment, ...cut, totals };
}

/**
 * One page of a folded report: the window of each list that grows with history; the summary, the
 * statuses and every commitment's figures stay those of the whole report. On the report, a
 * commitment's own lists show their first `limit` items (its dossier pages the rest).
 */
export function pageSayDoReport(report: SayDoReport, window: PageWindow): SayDoReportPage {
  const totals = Object.fromEntries(PAGED_REPORT_LISTS.map((list) => [list, report[list].length])) as Record<PagedReportList, number>;
  const more = PAGED_REPORT_LISTS.some((list) => totals[list] > window.offset + window.limit);
  const lists = Object.fromEntries(PAGED_REPORT_LISTS.map((list) => [list, slice(report[list] as unknown[], window)])) as Pick<SayDoReport, PagedReportList>;
  const commitments = lists.commitments.map((commitment) => pageCommitment(commitment, { offset: 0, limit: window.limit }));
  return { ...report, ...lists, commitments, page: { offset: window.offset, limit: window.limit, more, totals } };
}

/** One page of a timeline's entries, with their whole count. */
export function pageTimeline(entries: readonly TimelineEntry[], window: PageWindow): { entries: TimelineEntry[]; page: { offset: number; limit: number; more: boolean; totals: { entries: number } } } {
  return {
    entries: slice(entries, window),
    page: { offset: window.offset, limit: window.limit, more: entries.length > window.offset + window.limit, totals: { entries: entries.length } },
  };
}

/** A commitment's dossier: its own lists and the owner's editorial notes, each paged by the window. */
export function pageDossier<D extends { commitment: CommitmentReport; retractions: readonly unknown[]; corrections: readonly unknown[] }>(
  dossier: D,
  window: PageWindow,
): Omit<D, 'commitment'> & { commitment: CommitmentOnPage; page: { offset: number; limit: number; more: boolean; totals: { retractions: number; corrections: number } } } {
  const commitment = pageCommitment(dossier.commitment, window);
  const totals = { retractions: dossier.retractions.length, corrections: dossier.corrections.length };
  const end = window.offset + window.limit;
  const more = [...Object.values(commitment.totals), ...Object.values(totals)].some((total) => total > end);
  return {
    ...dossier,
    commitment,
    retractions: slice(dossier.retractions, window),
    corrections: slice(dossier.corrections, window),
    page: { offset: window.offset, limit: window.limit, more, totals },
  };
}
