import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustHaveHappened, stated } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { DISPUTE_OUTCOMES } from '../vocabulary';

export type DisputeResolvedData = { commitmentId: string; disputeId: string; outcome: (typeof DISPUTE_OUTCOMES)[number]; resolution: string };

export const disputeResolved = defineEvent<DisputeResolvedData, CommitmentState>({
  type: 'DisputeResolved', schemaVersion: 1, family: 'judged', category: 'commitment', role: 'editor', factual: false,
  description: 'An open dispute was settled: the assessment upheld, revised (with an AssessmentRevised), or the dispute rejected.',
  schema: { commitmentId: field.slug('The commitment'), disputeId: field.slug('The dispute'), outcome: field.enumOf('How it ended', DISPUTE_OUTCOMES), resolution: field.text('The reasoning') },
  example: { commitmentId: 'openai-no-domestic-surveillance', disputeId: 'openai-reply-1', outcome: 'upheld', resolution: 'The safeguards were not defined when the agreement was signed' },
  streamId: (data) => streamIdOf('commitment', data.commitmentId),
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    const commitment = stated(state, data.commitmentId);
    if (!commitment.disputes.some((d) => d.disputeId === data.disputeId && d.open)) throw new DomainError('dispute-not-open', `no open dispute ${data.disputeId}`, 'conflict');
    mustHaveHappened(context);
  },
  evolve: (state, data) => (state.status === 'stated' ? { ...state, disputes: state.disputes.map((d) => (d.disputeId === data.disputeId ? { ...d, open: false } : d)) } : state),
  subjects: (_data, context) => {
    const commitment = context.commitment(_data.commitmentId);
    return commitment.status === 'stated' ? [commitment.stakeholderId] : [];
  },
});
