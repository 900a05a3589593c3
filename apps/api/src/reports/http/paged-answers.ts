import { pageDossier, pageSayDoReport, pageTimeline, pageTopicComparison, PageWindow, SayDoReport, TimelineEntry, TopicComparison } from '@saydo/domain';
import { PAGE_SIZE } from '../../shared/paging';
import { CommitmentDossier } from '../queries/commitment-dossier/commitment-dossier.query';
import { ReportMomentFields } from '../queries/report-moment';
import { withNextLink } from './page-links';

/** The first page, as a request without `offset`/`limit` asks for it (the pages show that one too). */
export const FIRST_PAGE: PageWindow = { offset: 0, limit: PAGE_SIZE.default };

/**
 * One window of each answer's growing lists, with its `page` (totals and the `next` permalink):
 * the one shape the JSON API sends and the pages render, so both hash the same bytes.
 */
export function pagedReport(path: string, report: SayDoReport & ReportMomentFields, window: PageWindow) {
  const paged = pageSayDoReport(report, window);
  return { ...paged, knownAt: report.knownAt, judgedAt: report.judgedAt, worldAsOf: report.worldAsOf, page: withNextLink(path, report, window, paged.page) };
}

export function pagedTimeline<T extends ReportMomentFields & { entries: TimelineEntry[] }>(path: string, timeline: T, window: PageWindow) {
  const { entries, page } = pageTimeline(timeline.entries, window);
  return { ...timeline, entries, page: withNextLink(path, timeline, window, page) };
}

/** A comparison's window of commitments (grouped under their stakeholders), with its `page`. */
export function pagedComparison(path: string, comparison: TopicComparison & ReportMomentFields, window: PageWindow) {
  const paged = pageTopicComparison(comparison, window);
  return { ...paged, page: withNextLink(path, comparison, window, paged.page) };
}

export function pagedDossier(path: string, dossier: CommitmentDossier & ReportMomentFields, window: PageWindow) {
  const paged = pageDossier(dossier, window);
  return { ...paged, page: withNextLink(path, dossier, window, paged.page) };
}
