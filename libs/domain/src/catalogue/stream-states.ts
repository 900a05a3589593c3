import { AssessmentRelation, CommitmentKind } from './vocabulary';
import { StakeholderKind } from './vocabulary';

/** Decision state of each stream kind: only what the rules need. */
export type StakeholderState =
  | { status: 'unknown' }
  | { status: 'registered'; stakeholderId: string; name: string; kind: StakeholderKind; affiliations: Array<{ organizationId: string; role: string; open: boolean }> };

export type CommitmentState =
  | { status: 'unknown' }
  | {
      status: 'stated';
      commitmentId: string;
      kind: CommitmentKind;
      stakeholderId: string;
      topics: string[];
      withdrawn: boolean;
      assessments: Array<{ actionId: string; relation: AssessmentRelation }>;
      disputes: Array<{ disputeId: string; actionId: string; open: boolean }>;
      dismissedActionIds: string[];
    };

export type ActionState =
  | { status: 'unknown' }
  | { status: 'recorded'; actionId: string; type: string; stakeholderId: string; counterpartyIds: string[]; topics: string[] };

export type PolicyState = { status: 'unknown' } | { status: 'published'; policyId: string; stakeholderId: string };

export const UNKNOWN = { status: 'unknown' } as const;

/**
 * A stream whose founding fact was retracted folds to `unknown` (its id may be recorded again,
 * correctly), marked so rules can tell "retracted meanwhile" (a conflict with the record, 409)
 * from "never recorded" (422).
 */
export type Retracted = { status: 'unknown'; retracted: true };

export function wasRetracted(state: { status: string }): boolean {
  return state.status === 'unknown' && (state as Partial<Retracted>).retracted === true;
}
