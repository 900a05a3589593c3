import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustHaveHappened, stated } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { judgementReferences, judgementSubjects } from './assessment-recorded';

export type AssessmentDisputedData = { commitmentId: string; actionId: string; disputeId: string; disputedBy: string; grounds: string };

/** A right of reply or a reader's challenge: the link shows as contested until the dispute is resolved. */
export const assessmentDisputed = defineEvent<AssessmentDisputedData, CommitmentState>({
  type: 'AssessmentDisputed', schemaVersion: 1, family: 'judged', category: 'commitment', role: 'editor', factual: false,
  description: "A stakeholder's reply or a reader's challenge to an assessment; the link is contested until resolved.",
  schema: {
    commitmentId: field.slug('The commitment'),
    actionId: field.slug('The assessed action'),
    disputeId: field.slug('Id of the dispute'),
    disputedBy: field.text('Who disputes (a stakeholder, a reader)', TEXT.short),
    grounds: field.text('Why'),
  },
  example: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'openai-dow-classified-agreement', disputeId: 'openai-reply-1', disputedBy: 'OpenAI', grounds: 'The agreement includes safeguards against abuse' },
  streamId: (data) => streamIdOf('commitment', data.commitmentId),
  references: judgementReferences,
  decide(data, state, context) {
    const commitment = stated(state, data.commitmentId);
    if (!commitment.assessments.some((a) => a.actionId === data.actionId)) throw new DomainError('assessment-not-found', `no assessment of ${data.actionId} against ${data.commitmentId}`);
    if (commitment.disputes.some((d) => d.disputeId === data.disputeId)) throw new DomainError('dispute-already-recorded', `dispute ${data.disputeId} exists`, 'conflict');
    mustHaveHappened(context);
  },
  evolve: (state, data) => (state.status === 'stated' ? { ...state, disputes: [...state.disputes, { disputeId: data.disputeId, actionId: data.actionId, open: true }] } : state),
  subjects: (data, context) => judgementSubjects(context, data.commitmentId, data.actionId),
});
