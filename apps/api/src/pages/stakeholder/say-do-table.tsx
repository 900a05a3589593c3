import { relationLabel } from '../i18n/labels';
import { CommitmentReport } from '@saydo/domain';
import { DateText } from '../shared/date-text';
import { PageContext, withTime } from '../shared/page-context';
import { StatusBadge } from '../shared/status-badge';

/** One row per commitment: what was said, when, its status in words, and the actions judged against it. */
export function SayDoTable({ ctx, commitments }: { ctx: PageContext; commitments: readonly CommitmentReport[] }) {
  const { t } = ctx;
  if (commitments.length === 0) return <p>{t('report.noCommitments')}</p>;
  return (
    <table data-testid="say-do-table">
      <caption class="visually-hidden">{t('report.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.table.commitment')}</th>
          <th scope="col">{t('report.table.stated')}</th>
          <th scope="col">{t('report.table.status')}</th>
          <th scope="col">{t('report.table.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {commitments.map((c) => (
          <tr data-commitment={c.commitmentId}>
            <th scope="row">
              {t('label', { label: t(`commitment.kind.${c.kind}`) })} <a href={withTime(`/commitments/${c.commitmentId}`, ctx.time)}>{c.text}</a>
            </th>
            <td>
              <DateText ctx={ctx} date={c.statedAt} />
            </td>
            <td>
              <StatusBadge ctx={ctx} status={c.status} />
            </td>
            <td>
              <ul>
                {c.links.map((link) => (
                  <li>
                    <a href={`#action-${link.action.actionId}`}>{link.action.title}</a> ({relationLabel(t, link.relation)}, <DateText ctx={ctx} date={link.action.occurredAt} />)
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
