import { DomainError } from '../../shared/domain-error';
import { defineEvent } from '../event-definition';
import { mustHaveHappened, stated } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { AssessmentData, assessmentSchema, judgementReferences, judgementSubjects } from './assessment-recorded';

export const assessmentRevised = defineEvent<AssessmentData, CommitmentState>({
  type: 'AssessmentRevised', schemaVersion: 1, family: 'judged', category: 'commitment', role: 'editor', factual: false,
  description: 'An editor changed an earlier assessment; the earlier one stays in the history.',
  schema: assessmentSchema,
  example: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'openai-dow-classified-agreement', relation: 'contradicts', rationale: 'The published contract allows bulk analysis of domestic data' },
  streamId: (data) => streamIdOf('commitment', data.commitmentId),
  references: judgementReferences,
  decide(data, state, context) {
    const commitment = stated(state, data.commitmentId);
    if (!commitment.assessments.some((a) => a.actionId === data.actionId)) {
      throw new DomainError('assessment-not-found', `no assessment of ${data.actionId} against ${data.commitmentId} to revise`);
    }
    mustHaveHappened(context);
  },
  evolve: (state, data) =>
    state.status === 'stated' ? { ...state, assessments: state.assessments.map((a) => (a.actionId === data.actionId ? { ...a, relation: data.relation } : a)) } : state,
  subjects: (data, context) => judgementSubjects(context, data.commitmentId, data.actionId),
});
