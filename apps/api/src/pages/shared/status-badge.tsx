import { CommitmentStatus } from '@saydo/domain';
import { PageContext } from './page-context';

/** An icon that says the same as the word, so colour is never the only cue. */
const ICONS: Record<CommitmentStatus, string> = {
  kept: '✔',
  held: '✔',
  partially_kept: '◐',
  broken: '✘',
  crossed: '✘',
  overdue: '⏰',
  under_strain: '⚠',
  not_yet_rated: '○',
  untested: '○',
};

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: CommitmentStatus }) {
  return (
    <span class={`status status-${status}`} data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span> {ctx.t(`status.${status}`)}
    </span>
  );
}
