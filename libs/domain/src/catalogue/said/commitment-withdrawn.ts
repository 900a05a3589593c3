import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { live, mustBeSourced, mustHaveHappened } from '../rules';
import { CommitmentState } from '../stream-states';
import { DISCLOSURES } from '../vocabulary';
import { ownerOf } from './commitment-reaffirmed';
import { commitmentStream } from './commitment-stated';

export type CommitmentWithdrawnData = { commitmentId: string; disclosure: (typeof DISCLOSURES)[number]; explanation?: string };

export const commitmentWithdrawn = defineEvent<CommitmentWithdrawnData, CommitmentState>({
  type: 'CommitmentWithdrawn', schemaVersion: 1, family: 'said', category: 'commitment', role: 'contributor', factual: true,
  description: 'The commitment no longer stands: announced by the stakeholder, or found silently removed.',
  schema: {
    commitmentId: field.slug('The commitment'),
    disclosure: field.enumOf('announced by the stakeholder, or found removed without notice', DISCLOSURES),
    explanation: field.text('What was said or found', undefined, true),
  },
  example: { commitmentId: 'openai-no-military-use', disclosure: 'unannounced', explanation: 'The ban on "military and warfare" use disappeared from the usage policy' },
  streamId: commitmentStream,
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    live(state, data.commitmentId);
    mustHaveHappened(context);
    mustBeSourced(context, 'CommitmentWithdrawn');
  },
  evolve: (state) => (state.status === 'stated' ? { ...state, withdrawn: true } : state),
  subjects: (data, context) => ownerOf(context, data.commitmentId),
});
