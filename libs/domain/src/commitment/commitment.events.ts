import { DomainEvent } from '../shared/domain-event';

export const ASSESSMENT_RELATIONS = ['fulfils', 'partially_fulfils', 'strains', 'contradicts'] as const;
export type AssessmentRelation = (typeof ASSESSMENT_RELATIONS)[number];

export type PledgeMade = DomainEvent<'PledgeMade', { commitmentId: string; stakeholderId: string; text: string; topics: string[]; dueBy?: string }>;
export type RedLineStated = DomainEvent<'RedLineStated', { commitmentId: string; stakeholderId: string; text: string; topics: string[] }>;
/** An editor's judgement of how one action bears on one commitment. */
export type AssessmentRecorded = DomainEvent<'AssessmentRecorded', { commitmentId: string; actionId: string; relation: AssessmentRelation; rationale: string }>;

export type CommitmentEvent = PledgeMade | RedLineStated | AssessmentRecorded;
export type CommitmentKind = 'pledge' | 'red_line';
