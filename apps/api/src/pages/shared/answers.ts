import { SayDoReport, TimelineEntry, TopicComparison } from '@saydo/domain';
import { pagedComparison, pagedDossier, pagedReport } from '../../reports/http/paged-answers';
import { CommitmentDossier } from '../../reports/queries/commitment-dossier/commitment-dossier.query';

/** What a published report answer adds to the fold: its hash, where it stands in the world, and its permalink. */
interface Cited {
  contentHash: string;
  worldAsOf?: { value: string; precision: string } | null;
  permalink: string;
}

/** The answers the pages render: exactly the JSON API's bodies. */
export type ReportAnswer = SayDoReport & Cited;
export type DossierAnswer = CommitmentDossier & Cited;
export type TopicAnswer = TopicComparison & Cited;
export type TimelineAnswer = { stakeholderId: string; position: number; entries: TimelineEntry[] } & Cited;

/** Where a paged answer's window stands, and the API links (pinned) to the windows on either side. */
export interface Pager {
  offset: number;
  limit: number;
  /** The longest paged list's length: what the window walks through. */
  total: number;
  previous: string | null;
  next: string | null;
}

interface PageOf {
  page: { offset: number; limit: number; next: string | null };
  pager: Pager;
}

/** One window of a report, exactly the JSON API's body for that `offset` and `limit`. */
export type ReportPageAnswer = ReturnType<typeof pagedReport> & Cited & PageOf;
export type TimelinePageAnswer = TimelineAnswer & PageOf;
export type DossierPageAnswer = ReturnType<typeof pagedDossier> & Cited & PageOf;
export type TopicPageAnswer = ReturnType<typeof pagedComparison> & Cited & PageOf;
