import { historyLabel, relationLabel } from '../i18n/labels';
import { CommitmentLink, CommitmentReport } from '@saydo/domain';
import { formatDated } from '../i18n/dates';
import { DateText } from '../shared/date-text';
import { PageContext, withTime } from '../shared/page-context';
import { Sources } from '../shared/sources';
import { StatusBadge } from '../shared/status-badge';
import { ActionItem } from './action-item';

const FOR = new Set(['fulfils', 'partially_fulfils']);

/** A commitment in plain words: its text and date, status, history, actions for and against, suggestions, disputes. */
export function CommitmentDetail({ ctx, commitment, headingLevel = 3 }: { ctx: PageContext; commitment: CommitmentReport; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const forIt = commitment.links.filter((l) => FOR.has(l.relation));
  const against = commitment.links.filter((l) => !FOR.has(l.relation));
  return (
    <article class="commitment" id={`commitment-${commitment.commitmentId}`} data-commitment={commitment.commitmentId}>
      <Heading>
        {t('label', { label: t(`commitment.kind.${commitment.kind}`) })} <q>{commitment.text}</q>
      </Heading>
      <p>
        <StatusBadge ctx={ctx} status={commitment.status} /> · <DateText ctx={ctx} date={commitment.statedAt} />
        {commitment.dueBy && <> · {t('commitment.due', { date: dueLabel(commitment.dueBy, ctx) })}</>}
        {' · '}
        {t('label', { label: t('commitment.topics') })}{' '}
        {commitment.topics.map((topic, i) => (
          <>
            {i > 0 && ', '}
            <a href={withTime(`/topics/${topic}`, ctx.time)}>{topic}</a>
          </>
        ))}
        {headingLevel === 3 && (
          <>
            {' · '}
            <a href={withTime(`/commitments/${commitment.commitmentId}`, ctx.time)}>{t('commitment.dossier')}</a>
          </>
        )}
      </p>
      {commitment.withdrawn && (
        <p class="notice" role="note">
          {t('commitment.withdrawn', { date: formatDated(commitment.withdrawn.at, ctx.locale), disclosure: commitment.withdrawn.disclosure })}
        </p>
      )}
      {commitment.contested && (
        <p class="notice" role="note">
          {t('commitment.contested')}
        </p>
      )}
      <Sources ctx={ctx} sources={commitment.sources} />
      <Sub>{t('commitment.history')}</Sub>
      <ol>
        {commitment.history.map((entry) => (
          <li>
            {historyLabel(t, entry.type)}, <DateText ctx={ctx} date={entry.occurredAt} />
            {entry.text && (
              <>
                {t('colon')} <q>{entry.text}</q>
              </>
            )}
            <Sources ctx={ctx} sources={entry.sources} />
          </li>
        ))}
      </ol>
      <LinkList ctx={ctx} title={t('commitment.for')} links={forIt} Sub={Sub} />
      <LinkList ctx={ctx} title={t('commitment.against')} links={against} Sub={Sub} />
      {commitment.suggestions.length > 0 && (
        <>
          <Sub>{t('commitment.suggestions')}</Sub>
          {commitment.suggestions.map((suggestion) => (
            <div class="unconfirmed" data-unconfirmed="true">
              <p>
                <span class="tag">{t('commitment.suggestions')}</span> — {t('commitment.suggestion.note', { topics: suggestion.matchingTopics.join(', ') })}
              </p>
              <ActionItem ctx={ctx} action={suggestion.action} />
            </div>
          ))}
        </>
      )}
      {commitment.citedBy.length > 0 && (
        <>
          <Sub>{t('commitment.citedBy')}</Sub>
          {commitment.citedBy.map((action) => (
            <ActionItem ctx={ctx} action={action} />
          ))}
        </>
      )}
    </article>
  );
}

function LinkList({ ctx, title, links, Sub }: { ctx: PageContext; title: string; links: CommitmentLink[]; Sub: 'h3' | 'h4' }) {
  const { t } = ctx;
  return (
    <>
      <Sub>{title}</Sub>
      {links.length === 0 && <p class="muted">{t('commitment.none')}</p>}
      {links.map((link) => (
        <div class="link" data-relation={link.relation}>
          <p>
            <strong>{relationLabel(t, link.relation)}</strong>
          </p>
          <ActionItem ctx={ctx} action={link.action} />
          <p>
            <em>{t('commitment.rationale')}</em> (<DateText ctx={ctx} date={link.assessedAt} />){t('colon')} {link.rationale}
          </p>
          {link.contested && (
            <p class="notice" role="note">
              {t('commitment.contested')}
            </p>
          )}
          {link.disputes.map((d) => (
            <p class="notice" role="note">
              {t('commitment.dispute', { by: d.disputedBy, date: formatDated(d.raisedAt, ctx.locale), grounds: d.grounds })}
              {!d.open && d.outcome && <> {t('commitment.dispute.resolved', { outcome: d.outcome, resolution: d.resolution ?? '' })}</>}
            </p>
          ))}
          {link.revisions.map((r) => (
            <p class="muted">{t('commitment.revisions', { relation: relationLabel(t, r.relation), date: formatDated(r.at, ctx.locale), rationale: r.rationale })}</p>
          ))}
        </div>
      ))}
    </>
  );
}

function dueLabel(dueBy: string, ctx: PageContext): string {
  const precision = dueBy.length === 4 ? 'year' : dueBy.length === 7 ? 'month' : dueBy.length === 10 ? 'day' : 'instant';
  return formatDated({ value: dueBy, precision }, ctx.locale);
}
