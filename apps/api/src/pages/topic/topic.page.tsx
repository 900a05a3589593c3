import { TopicPageAnswer } from '../shared/answers';
import { AsOfForm } from '../shared/as-of-form';
import { Citation } from '../shared/citation';
import { DateText } from '../shared/date-text';
import { Exports } from '../shared/exports';
import { Alternate, Layout } from '../shared/layout';
import { PageContext, withTime } from '../shared/page-context';
import { Pager } from '../shared/pager';
import { StatusBadge } from '../shared/status-badge';
import { TimeNotice } from '../shared/time-notice';

/** Every stakeholder's commitments on one topic, side by side: one window of them, as the JSON pages them. */
export function TopicPage({ ctx, comparison, permalink, json, feed }: { ctx: PageContext; comparison: TopicPageAnswer; permalink: string; json: string; feed: Alternate }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('topic.title', { topic: comparison.topic })} canonical={permalink} alternates={[feed, { type: 'application/json', href: json, title: 'JSON' }]}>
      <h1>{t('topic.title', { topic: comparison.topic })}</h1>
      <p>{t('topic.intro')}</p>
      <TimeNotice ctx={ctx} position={comparison.position} worldAsOf={comparison.worldAsOf} />
      <div class="side-by-side">
        {comparison.stakeholders.map(({ stakeholder, commitments }) => (
          <section aria-labelledby={`side-${stakeholder.stakeholderId}`} data-stakeholder={stakeholder.stakeholderId}>
            <h2 id={`side-${stakeholder.stakeholderId}`}>
              <a href={withTime(`/stakeholders/${stakeholder.stakeholderId}`, ctx.time)}>{stakeholder.name}</a>
            </h2>
            <ul>
              {commitments.map((c) => (
                <li data-commitment={c.commitmentId}>
                  <p>
                    {t('label', { label: t(`commitment.kind.${c.kind}`) })} <a href={withTime(`/commitments/${c.commitmentId}`, ctx.time)}>{c.text}</a>
                  </p>
                  <p>
                    <StatusBadge ctx={ctx} status={c.status} /> · <DateText ctx={ctx} date={c.statedAt} /> · {t('topic.judged', { links: c.links })}
                    {c.suggestions > 0 && <> · {t('report.suggestions', { n: c.suggestions })}</>}
                  </p>
                  {c.contested && (
                    <p class="notice" role="note">
                      {t('commitment.contested')}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <Pager ctx={ctx} pager={comparison.pager} />
      <Citation ctx={ctx} position={comparison.position} contentHash={comparison.contentHash} permalink={permalink} judgedAt={comparison.asOf} />
      <AsOfForm ctx={ctx} />
      <Exports ctx={ctx} json={json} feeds={[feed]} />
    </Layout>
  );
}
