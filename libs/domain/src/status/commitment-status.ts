import { AssessmentRelation, CommitmentKind } from '../catalogue/vocabulary';
import { endsBefore, requirePartialDate } from '../shared/partial-date';

export const PLEDGE_STATUSES = ['not_yet_rated', 'kept', 'partially_kept', 'broken', 'overdue'] as const;
export const RED_LINE_STATUSES = ['untested', 'held', 'under_strain', 'crossed'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export type RedLineStatus = (typeof RED_LINE_STATUSES)[number];
export type CommitmentStatus = PledgeStatus | RedLineStatus;

export interface StatusInput {
  kind: CommitmentKind;
  /** Partial date the pledge is due by, if it has one. */
  dueBy?: string | null;
  /** Relations of the editors' assessments linked to the commitment (order does not matter). */
  relations: readonly AssessmentRelation[];
}

/**
 * The status of a commitment, from its assessments and, for pledges, its due date against the
 * report's date (`asOf`, an ISO instant). The strongest evidence decides:
 *
 * Pledges
 *  1. any `contradicts`         -> `broken`   (one contradicting action breaks a pledge, whatever else was done)
 *  2. any `fulfils`             -> `kept`
 *  3. any `partially_fulfils`   -> `partially_kept`
 *  4. due date wholly past      -> `overdue`  ("2025-04" is overdue from 1 May 2025, not from 1 April)
 *  5. otherwise                 -> `not_yet_rated` (a `strains` link is shown, but is no verdict on a pledge)
 *
 * Red lines
 *  1. any `contradicts`                      -> `crossed`
 *  2. any `strains`                          -> `under_strain`
 *  3. any `fulfils` or `partially_fulfils`   -> `held` (tested by an action, and respected)
 *  4. otherwise                              -> `untested`
 */
export function commitmentStatus(input: StatusInput, asOf: string): CommitmentStatus {
  const has = (relation: AssessmentRelation) => input.relations.includes(relation);
  if (input.kind === 'red_line') {
    if (has('contradicts')) return 'crossed';
    if (has('strains')) return 'under_strain';
    if (has('fulfils') || has('partially_fulfils')) return 'held';
    return 'untested';
  }
  if (has('contradicts')) return 'broken';
  if (has('fulfils')) return 'kept';
  if (has('partially_fulfils')) return 'partially_kept';
  if (input.dueBy && endsBefore(requirePartialDate(input.dueBy), asOf)) return 'overdue';
  return 'not_yet_rated';
}
