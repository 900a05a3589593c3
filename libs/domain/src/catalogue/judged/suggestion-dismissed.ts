import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustHaveHappened, recorded, stated } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { judgementReferences, judgementSubjects } from './assessment-recorded';

export type SuggestionDismissedData = { commitmentId: string; actionId: string; rationale: string };

/** An editor looked at an automatically suggested tension and found none. */
export const suggestionDismissed = defineEvent<SuggestionDismissedData, CommitmentState>({
  type: 'SuggestionDismissed', schemaVersion: 1, family: 'judged', category: 'commitment', role: 'editor', factual: false,
  description: 'An editor dismissed a suggested tension between an action and a commitment.',
  schema: { commitmentId: field.slug('The commitment'), actionId: field.slug('The action'), rationale: field.text('Why there is no tension') },
  example: { commitmentId: 'openai-no-domestic-surveillance', actionId: 'sora-mlk-restriction', rationale: 'Unrelated to surveillance' },
  streamId: (data) => streamIdOf('commitment', data.commitmentId),
  references: judgementReferences,
  decide(data, state, context) {
    const commitment = stated(state, data.commitmentId);
    recorded(context.action(data.actionId), data.actionId);
    if (commitment.assessments.some((a) => a.actionId === data.actionId)) throw new DomainError('already-assessed', `an editor already assessed ${data.actionId}`, 'conflict');
    if (commitment.dismissedActionIds.includes(data.actionId)) throw new DomainError('suggestion-already-dismissed', `already dismissed`, 'conflict');
    mustHaveHappened(context);
  },
  evolve: (state, data) => (state.status === 'stated' ? { ...state, dismissedActionIds: [...state.dismissedActionIds, data.actionId] } : state),
  subjects: (data, context) => judgementSubjects(context, data.commitmentId, data.actionId),
});
