import { DomainError } from '../../shared/domain-error';
import { DataSchema, field } from '../../schema/field-spec';
import { DecisionContext, defineEvent } from '../event-definition';
import { mustHaveHappened, recorded, stated, unique } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { ASSESSMENT_RELATIONS, AssessmentRelation } from '../vocabulary';

export type AssessmentData = { commitmentId: string; actionId: string; relation: AssessmentRelation; rationale: string };

export const assessmentSchema: DataSchema = {
  commitmentId: field.slug('The commitment judged'),
  actionId: field.slug('The action judged against it'),
  relation: field.enumOf('How the action bears on the commitment', ASSESSMENT_RELATIONS),
  rationale: field.text("The editor's reasoning"),
};

/** Judgements concern the commitment's owner and every party to the action. */
export function judgementSubjects(context: DecisionContext, commitmentId: string, actionId: string): string[] {
  const commitment = context.commitment(commitmentId);
  const action = context.action(actionId);
  return unique([
    ...(commitment.status === 'stated' ? [commitment.stakeholderId] : []),
    ...(action.status === 'recorded' ? [action.stakeholderId, ...action.counterpartyIds] : []),
  ]);
}

export const judgementReferences = (data: { actionId: string }) => ({ streams: [streamIdOf('action', data.actionId)] });

export const assessmentRecorded = defineEvent<AssessmentData, CommitmentState>({
  type: 'AssessmentRecorded', schemaVersion: 1, family: 'judged', category: 'commitment', role: 'editor', factual: false,
  description: 'An editor judged how an action bears on a commitment (fulfils, partially fulfils, strains, contradicts).',
  schema: assessmentSchema,
  example: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'openai-dow-classified-agreement', relation: 'strains', rationale: 'Signed before guardrails against domestic surveillance were defined' },
  streamId: (data) => streamIdOf('commitment', data.commitmentId),
  references: judgementReferences,
  decide(data, state, context) {
    const commitment = stated(state, data.commitmentId);
    recorded(context.action(data.actionId), data.actionId);
    if (commitment.assessments.some((a) => a.actionId === data.actionId)) {
      throw new DomainError('assessment-already-recorded', `action ${data.actionId} is already assessed against ${data.commitmentId}: revise it instead`, 'conflict');
    }
    mustHaveHappened(context);
  },
  evolve: (state, data) => (state.status === 'stated' ? { ...state, assessments: [...state.assessments, { actionId: data.actionId, relation: data.relation }] } : state),
  subjects: (data, context) => judgementSubjects(context, data.commitmentId, data.actionId),
});
