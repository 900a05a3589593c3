import { CommitmentStatus, PLEDGE_STATUSES, RED_LINE_STATUSES } from '@saydo/domain';
import { RecentChange } from '../../directory/queries/recent-changes/recent-changes.query';
import { StakeholderListItem } from '../../directory/queries/list-stakeholders/list-stakeholders.query';
import { TopicListItem } from '../../directory/queries/list-topics/list-topics.query';
import { SearchResults } from '../../directory/queries/search/search.query';
import { eventLabel, kindLabel } from '../i18n/labels';
import { Citation } from '../shared/citation';
import { DateText } from '../shared/date-text';
import { entrySummary } from '../shared/entry-summary';
import { Exports } from '../shared/exports';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { StatusCounts } from '../stakeholder/summary';

const STATUS_ORDER: readonly CommitmentStatus[] = [...RED_LINE_STATUSES, ...PLEDGE_STATUSES];

export interface HomePageProps {
  ctx: PageContext;
  q: string;
  stakeholders: StakeholderListItem[];
  /** Link to the next page of stakeholders, null on the last. */
  next: string | null;
  paged: boolean;
  commitments: SearchResults['commitments'];
  topics: TopicListItem[];
  changes: RecentChange[];
  position: number;
  contentHash: string;
}

/** What Saydo is, who is on record, the topics, and what changed lately. */
export function HomePage(props: HomePageProps) {
  const { ctx, q } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('site.tagline')} canonical="/">
      <h1>{t('site.tagline')}</h1>
      <p>{t('site.about')}</p>
      <section aria-labelledby="stakeholders-title">
        <h2 id="stakeholders-title">{t('home.stakeholders')}</h2>
        <form method="get" action="/" role="search" class="inline">
          <div>
            <label for="q">{t('home.search.label')}</label>
            <input id="q" name="q" type="search" value={q} />
          </div>
          <input type="hidden" name="lang" value={ctx.locale} />
          <button type="submit">{t('home.search.button')}</button>
        </form>
        {q && props.stakeholders.length === 0 && <p>{t('home.search.none', { q })}</p>}
        <ul class="cards" data-testid="stakeholders">
          {props.stakeholders.map((s) => (
            <li data-stakeholder={s.stakeholderId}>
              <h3>
                <a href={`/stakeholders/${s.stakeholderId}`}>{s.name}</a>
              </h3>
              <p class="muted">
                {kindLabel(t, s.kind)} · {t('home.commitments', { n: s.commitments })}
              </p>
              <StatusCounts ctx={ctx} counts={STATUS_ORDER.filter((status) => s.byStatus[status]).map((status) => [status, s.byStatus[status]!])} />
            </li>
          ))}
        </ul>
        <p class="muted">{t('home.counts.note')}</p>
        <p>
          {props.next && (
            <a href={props.next} rel="next">
              {t('home.next')}
            </a>
          )}{' '}
          {props.paged && <a href={q ? `/?q=${encodeURIComponent(q)}` : '/'}>{t('home.first')}</a>}
        </p>
        {q && props.commitments.length > 0 && (
          <>
            <h3>{t('home.search.commitments', { q })}</h3>
            <ul>
              {props.commitments.map((c) => (
                <li>
                  <a href={`/commitments/${c.commitmentId}`}>{c.text}</a> ({c.stakeholderId})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t('home.topics')}</h2>
        <ul>
          {props.topics.map((topic) => (
            <li>
              <a href={`/topics/${topic.topic}`}>{topic.topic}</a> — {t('home.topic.counts', { commitments: topic.commitments, stakeholders: topic.stakeholders })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t('home.changes')}</h2>
        <ol>
          {props.changes.map((change) => (
            <li>
              <strong>{eventLabel(t, change.type)}</strong> (<DateText ctx={ctx} date={change.occurredAt} />){t('colon')}{' '}
              {change.stakeholderIds.map((id, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/stakeholders/${id}/timeline#event-${change.position}`}>{id}</a>
                </>
              ))}{' '}
              — {entrySummary(change.data)}
            </li>
          ))}
        </ol>
      </section>
      <Citation ctx={ctx} position={props.position} contentHash={props.contentHash} />
      <Exports ctx={ctx} json="/v1/stakeholders" />
    </Layout>
  );
}
