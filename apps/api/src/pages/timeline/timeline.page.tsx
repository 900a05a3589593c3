import { eventLabel } from '../i18n/labels';
import { formatDated } from '../i18n/dates';
import { TimelinePageAnswer } from '../shared/answers';
import { AsOfForm } from '../shared/as-of-form';
import { Citation } from '../shared/citation';
import { DateText } from '../shared/date-text';
import { entrySummary } from '../shared/entry-summary';
import { Exports } from '../shared/exports';
import { Alternate, Layout } from '../shared/layout';
import { PageContext, withTime } from '../shared/page-context';
import { Sources } from '../shared/sources';
import { Pager } from '../shared/pager';
import { TimeNotice } from '../shared/time-notice';

export interface TimelinePageProps {
  ctx: PageContext;
  name: string;
  stakeholderId: string;
  /** The window of the timeline shown, as the JSON's page for the same offset and limit. */
  timeline: TimelinePageAnswer;
  permalink: string;
  json: string;
  feed: Alternate;
}

/** Every event about a stakeholder in the order it happened, retracted and corrected ones marked. */
export function TimelinePage({ ctx, name, stakeholderId, timeline, permalink, json, feed }: TimelinePageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('timeline.title', { name })} canonical={permalink} alternates={[feed, { type: 'application/json', href: json, title: 'JSON' }]}>
      <h1>{t('timeline.title', { name })}</h1>
      <p>
        {t('timeline.intro', { name })} <a href={withTime(`/stakeholders/${stakeholderId}`, ctx.time)}>{t('report.table')}</a>
      </p>
      <TimeNotice ctx={ctx} position={timeline.position} worldAsOf={timeline.worldAsOf} />
      <ol class="timeline">
        {timeline.entries.map((entry) => (
          <li id={`event-${entry.position}`} data-type={entry.type}>
            <h2>
              <DateText ctx={ctx} date={entry.occurredAt} />
              {t('colon')} {eventLabel(t, entry.type)}
            </h2>
            {entry.retracted && (
              <p class="notice" role="note" data-notice="retraction">
                {t('notice.retracted', { date: formatDated(entry.retracted.at, ctx.locale), reason: entry.retracted.reason })}
              </p>
            )}
            {entry.corrected && (
              <p class="notice" role="note" data-notice="correction">
                {t('notice.corrected', { date: formatDated(entry.corrected.at, ctx.locale), reason: entry.corrected.reason })}
              </p>
            )}
            {entrySummary(entry.data) && <p lang={(entry.sources as Array<{ language?: string }>)[0]?.language}>{entrySummary(entry.data)}</p>}
            <p class="muted">
              {t('timeline.recorded', { date: formatDated({ value: entry.recordedAt, precision: 'instant' }, ctx.locale) })} · #{entry.position}
            </p>
            <Sources ctx={ctx} sources={entry.sources} />
          </li>
        ))}
      </ol>
      <Pager ctx={ctx} pager={timeline.pager} />
      <Citation ctx={ctx} position={timeline.position} contentHash={timeline.contentHash} permalink={permalink} />
      <AsOfForm ctx={ctx} />
      <Exports ctx={ctx} json={json} feeds={[feed]} />
    </Layout>
  );
}
