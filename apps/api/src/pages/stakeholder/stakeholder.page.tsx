import { kindLabel } from '../i18n/labels';
import { ActionItem } from '../commitment/action-item';
import { CommitmentDetail } from '../commitment/commitment-detail';
import { ReportPageAnswer } from '../shared/answers';
import { AsOfForm } from '../shared/as-of-form';
import { Citation } from '../shared/citation';
import { Exports } from '../shared/exports';
import { Alternate, Layout } from '../shared/layout';
import { EditorialNotices } from '../shared/notices';
import { PageContext, withTime } from '../shared/page-context';
import { Pager } from '../shared/pager';
import { TimeNotice } from '../shared/time-notice';
import { SaidDoneChart } from './said-done-chart';
import { YearCount } from './said-done-series';
import { SayDoTable } from './say-do-table';
import { Summary } from './summary';

export interface StakeholderPageProps {
  ctx: PageContext;
  /** The window of the report shown: its lists cut as the JSON's page is, its summary whole. */
  report: ReportPageAnswer;
  /** Said and done per year over the whole report, whatever the window. */
  series: YearCount[];
  permalink: string;
  json: string;
  csv: string;
  feed: Alternate;
}

/** A stakeholder's say-do record in plain words. */
export function StakeholderPage({ ctx, report, series, permalink, json, csv, feed }: StakeholderPageProps) {
  const { t } = ctx;
  const { stakeholder } = report;
  return (
    <Layout ctx={ctx} title={t('report.title', { name: stakeholder.name })} canonical={permalink} alternates={[feed, { type: 'application/json', href: json, title: 'JSON' }]}>
      <h1>{t('report.title', { name: stakeholder.name })}</h1>
      <p class="muted">
        {kindLabel(t, stakeholder.kind)} · <a href={withTime(`/stakeholders/${stakeholder.stakeholderId}/timeline`, ctx.time)}>{t('report.timeline')}</a>
      </p>
      <TimeNotice ctx={ctx} position={report.position} worldAsOf={report.worldAsOf} />
      <EditorialNotices ctx={ctx} retractions={report.retractions} corrections={report.corrections} />
      <Summary ctx={ctx} summary={report.summary} />
      {(report.pager.offset > 0 || report.pager.next) && <p class="muted">{t('paging.summary', { limit: report.pager.limit })}</p>}
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t('report.table')}</h2>
        <SayDoTable ctx={ctx} commitments={report.commitments} />
      </section>
      <SaidDoneChart ctx={ctx} name={stakeholder.name} series={series} />
      {report.commitments.length > 0 && (
        <section aria-labelledby="details-title">
          <h2 id="details-title">{t('report.commitments')}</h2>
          {report.commitments.map((c) => (
            <CommitmentDetail ctx={ctx} commitment={c} />
          ))}
        </section>
      )}
      {report.unlinkedActions.length > 0 && (
        <section aria-labelledby="unlinked-title">
          <h2 id="unlinked-title">{t('report.unlinked')}</h2>
          {report.unlinkedActions.map((a) => (
            <ActionItem ctx={ctx} action={a} />
          ))}
        </section>
      )}
      {report.reactions.length > 0 && (
        <section aria-labelledby="reactions-title">
          <h2 id="reactions-title">{t('report.reactions')}</h2>
          {report.reactions.map((a) => (
            <ActionItem ctx={ctx} action={a} />
          ))}
        </section>
      )}
      <Pager ctx={ctx} pager={report.pager} />
      <Citation ctx={ctx} position={report.position} contentHash={report.contentHash} permalink={permalink} judgedAt={report.asOf} />
      <AsOfForm ctx={ctx} />
      <Exports ctx={ctx} json={json} csv={csv} feeds={[feed]} />
    </Layout>
  );
}
