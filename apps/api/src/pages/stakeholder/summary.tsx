import { CommitmentStatus, SayDoReport } from '@saydo/domain';
import { PageContext } from '../shared/page-context';
import { StatusBadge } from '../shared/status-badge';

/** The say-do figure in words, always with its denominator, and what is still open. */
export function Summary({ ctx, summary }: { ctx: PageContext; summary: SayDoReport['summary'] }) {
  const { t } = ctx;
  const { sayDo } = summary;
  const statuses = Object.entries(summary.byStatus).filter(([, n]) => n > 0) as Array<[CommitmentStatus, number]>;
  const extra = [
    t('report.unrated', { n: sayDo.unrated }),
    t('report.suggestions', { n: summary.suggestions }),
    t('report.disputes', { n: summary.openDisputes }),
    t('report.withdrawn', { announced: summary.withdrawn.announced, unannounced: summary.withdrawn.unannounced }),
  ].filter((s) => s.length > 0);
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('report.summary')}</h2>
      <p class="say-do" data-testid="say-do">
        <strong>{sayDo.rated > 0 ? t('report.sayDo', { honoured: sayDo.honoured, rated: sayDo.rated }) : t('report.sayDo.none')}</strong>
      </p>
      {extra.length > 0 && <p>{extra.join(' ')}</p>}
      <StatusCounts ctx={ctx} counts={statuses} />
    </section>
  );
}

export function StatusCounts({ ctx, counts }: { ctx: PageContext; counts: Array<[CommitmentStatus, number]> }) {
  if (counts.length === 0) return <p class="muted">{ctx.t('home.counts.none')}</p>;
  return (
    <ul class="counts" aria-label={ctx.t('home.counts.label')}>
      {counts.map(([status, n]) => (
        <li>
          <StatusBadge ctx={ctx} status={status} /> × {n}
        </li>
      ))}
    </ul>
  );
}
