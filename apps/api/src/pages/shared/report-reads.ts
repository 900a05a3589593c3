import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { problems } from '../../problems/problem';
import { CommitmentDossierQuery } from '../../reports/queries/commitment-dossier/commitment-dossier.query';
import { reportPermalink, segment } from '../../reports/http/report-permalink';
import { publish } from '../../reports/http/published-answers';
import { ReportMomentFields } from '../../reports/queries/report-moment';
import { PageWindow, SayDoReport } from '@saydo/domain';
import { FIRST_PAGE, pagedComparison, pagedDossier, pagedReport, pagedTimeline } from '../../reports/http/paged-answers';
import { publishReport } from '../../reports/http/send-report';
import { StakeholderReportQuery } from '../../reports/queries/stakeholder-report/stakeholder-report.query';
import { positionToWaitFor } from '../../reports/queries/stakeholder-report/stakeholder-report.request.dto';
import { StakeholderTimelineQuery } from '../../reports/queries/stakeholder-timeline/stakeholder-timeline.query';
import { TopicComparisonQuery } from '../../reports/queries/topic-comparison/topic-comparison.query';
import { ReadConsistency } from '../../shared/read-consistency';
import { DossierAnswer, DossierPageAnswer, Pager, ReportAnswer, ReportPageAnswer, TimelineAnswer, TimelinePageAnswer, TopicAnswer, TopicPageAnswer } from './answers';
import { PageRequestDto } from './page-request.dto';

/**
 * The pages read through the same query handlers as the JSON API, with the same waits and the same
 * permalink and content hash, so a page and its JSON agree byte for byte on what they reflect.
 */
@Injectable()
export class ReportReads {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  /** The whole report (exports, the desk), cited by the JSON's first page. */
  async report(stakeholderId: string, query: PageRequestDto): Promise<ReportAnswer> {
    const report = await this.foldReport(stakeholderId, query);
    return cited(report, reportPath(stakeholderId), (path) => pagedReport(path, report, FIRST_PAGE));
  }

  /**
   * The window of the report a page shows (`offset`, `limit`, as the JSON report takes them), cited
   * as the JSON answers that window; and the whole report, for what sums it all up (the chart).
   */
  async reportPage(stakeholderId: string, query: PageRequestDto): Promise<{ whole: SayDoReport; page: ReportPageAnswer }> {
    const report = await this.foldReport(stakeholderId, query);
    const path = reportPath(stakeholderId);
    const window = windowOf(query);
    return { whole: report, page: citedWindow(path, pagedReport(path, report, window), window) };
  }

  /** The whole timeline (the feed, the desk), cited by the JSON's first page. */
  async timeline(stakeholderId: string, query: PageRequestDto): Promise<TimelineAnswer> {
    const timeline = await this.foldTimeline(stakeholderId, query);
    return cited(timeline, timelinePath(stakeholderId), (path) => pagedTimeline(path, timeline, FIRST_PAGE));
  }

  /** The window of the timeline a page shows, cited as the JSON answers that window. */
  async timelinePage(stakeholderId: string, query: PageRequestDto): Promise<TimelinePageAnswer> {
    const timeline = await this.foldTimeline(stakeholderId, query);
    const path = timelinePath(stakeholderId);
    const window = windowOf(query);
    return citedWindow(path, pagedTimeline(path, timeline, window), window);
  }

  private async foldReport(stakeholderId: string, query: PageRequestDto) {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const report = await this.queries.execute(new StakeholderReportQuery(stakeholderId, query));
    if (!report) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return report;
  }

  private async foldTimeline(stakeholderId: string, query: PageRequestDto) {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const timeline = await this.queries.execute(new StakeholderTimelineQuery(stakeholderId, query));
    if (!timeline) throw problems.notFound(`no stakeholder ${stakeholderId}`);
    return timeline;
  }

  async dossier(commitmentId: string, query: PageRequestDto): Promise<DossierAnswer> {
    const dossier = await this.foldDossier(commitmentId, query);
    return cited(dossier, `/v1/commitments/${segment(commitmentId)}`, (path) => pagedDossier(path, dossier, FIRST_PAGE));
  }

  /** The window of a commitment's dossier a page shows, cited as the JSON answers that window. */
  async dossierPage(commitmentId: string, query: PageRequestDto): Promise<DossierPageAnswer> {
    const dossier = await this.foldDossier(commitmentId, query);
    const path = `/v1/commitments/${segment(commitmentId)}`;
    const window = windowOf(query);
    return citedWindow(path, pagedDossier(path, dossier, window), window);
  }

  private async foldDossier(commitmentId: string, query: PageRequestDto) {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    const dossier = await this.queries.execute(new CommitmentDossierQuery(commitmentId, query));
    if (!dossier) throw problems.notFound(`no commitment ${commitmentId}`);
    return dossier;
  }

  /** The whole comparison (the feed), cited by the JSON's first page. */
  async topic(topic: string, query: PageRequestDto): Promise<TopicAnswer> {
    const comparison = await this.compare(topic, query);
    return cited(comparison, topicPath(topic), (path) => pagedComparison(path, comparison, FIRST_PAGE));
  }

  /** The window of a topic's comparison a page shows (commitments counted as the JSON counts them), cited as the JSON answers that window. */
  async topicPage(topic: string, query: PageRequestDto): Promise<TopicPageAnswer> {
    const comparison = await this.compare(topic, query);
    const path = topicPath(topic);
    const window = windowOf(query);
    return citedWindow(path, pagedComparison(path, comparison, window), window);
  }

  private async compare(topic: string, query: PageRequestDto) {
    await this.consistency.waitForReadModels(positionToWaitFor(query));
    return this.queries.execute(new TopicComparisonQuery(topic, query));
  }
}

const reportPath = (stakeholderId: string) => `/v1/stakeholders/${segment(stakeholderId)}/report`;
const timelinePath = (stakeholderId: string) => `/v1/stakeholders/${segment(stakeholderId)}/timeline`;
const topicPath = (topic: string) => `/v1/topics/${segment(topic)}/comparison`;
const windowOf = (query: PageRequestDto): PageWindow => ({ offset: query.offset, limit: query.limit });

/**
 * One window of an answer, with the `permalink` and `contentHash` the JSON API sends for the same
 * window (the same serialisation as `answerReport`), and the API links to the windows on either side at
 * the same pinned moment (a page path is made of them by keeping their query).
 */
function citedWindow<T extends ReportMomentFields & { page: { next: string | null; totals: Record<string, number> } }>(path: string, body: T, window: PageWindow): T & { permalink: string; contentHash: string; pager: Pager } {
  const permalink = reportPermalink(path, body, window);
  const previous = window.offset > 0 ? reportPermalink(path, body, { offset: Math.max(0, window.offset - window.limit), limit: window.limit }) : null;
  const total = Math.max(0, ...Object.values(body.page.totals));
  return { ...body, permalink, contentHash: publish(body, permalink).contentHash, pager: { ...window, total, previous, next: body.page.next } };
}

/**
 * The whole answer for the page to render, cited by the JSON answer it corresponds to: the first
 * page the API sends at that permalink (same `permalink`, same `contentHash`).
 */
function cited<T extends object>(answer: T, path: string, firstPage: (path: string) => Parameters<typeof publishReport>[1]): T & { permalink: string; contentHash: string } {
  const { permalink, contentHash } = publishReport(path, firstPage(path));
  return { ...answer, permalink, contentHash };
}
