import { CommitmentStatus, PLEDGE_STATUSES, RED_LINE_STATUSES } from './commitment-status';

export interface SayDoFigure {
  /** Kept pledges and held red lines. */
  honoured: number;
  partiallyHonoured: number;
  /** Broken, crossed or overdue. */
  failed: number;
  underStrain: number;
  /** The denominator: commitments that have a verdict. */
  rated: number;
  /** Not yet rated pledges and untested red lines: outside the denominator, shown beside it. */
  unrated: number;
  /** honoured / rated, or null when nothing is rated (a ratio without a denominator is never shown). */
  ratio: number | null;
  /** The figure in words, denominator included, for publication. */
  statement: string;
}

export interface SayDoSummary {
  total: number;
  byStatus: Record<CommitmentStatus, number>;
  sayDo: SayDoFigure;
}

/** Counts by status and the say-do figure, which always carries its denominator. */
export function summariseStatuses(statuses: readonly CommitmentStatus[]): SayDoSummary {
  const byStatus = Object.fromEntries([...PLEDGE_STATUSES, ...RED_LINE_STATUSES].map((status) => [status, 0])) as Record<CommitmentStatus, number>;
  for (const status of statuses) byStatus[status] += 1;

  const honoured = byStatus.kept + byStatus.held;
  const partiallyHonoured = byStatus.partially_kept;
  const failed = byStatus.broken + byStatus.crossed + byStatus.overdue;
  const underStrain = byStatus.under_strain;
  const rated = honoured + partiallyHonoured + failed + underStrain;
  const unrated = byStatus.not_yet_rated + byStatus.untested;
  const ratio = rated === 0 ? null : honoured / rated;
  const statement =
    rated === 0
      ? `no rated commitment yet (${unrated} awaiting a verdict)`
      : `${honoured} of ${rated} rated commitments honoured (${unrated} awaiting a verdict)`;

  return { total: statuses.length, byStatus, sayDo: { honoured, partiallyHonoured, failed, underStrain, rated, unrated, ratio, statement } };
}
