import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { live, mustBeSourced, mustHaveHappened } from '../rules';
import { CommitmentState } from '../stream-states';
import { commitmentStream } from './commitment-stated';

export type CommitmentReaffirmedData = { commitmentId: string; statement: string };

export const commitmentReaffirmed = defineEvent<CommitmentReaffirmedData, CommitmentState>({
  type: 'CommitmentReaffirmed', schemaVersion: 1, family: 'said', category: 'commitment', role: 'contributor', factual: true,
  description: 'The stakeholder said it again, in these words.',
  schema: { commitmentId: field.slug('The commitment'), statement: field.text('What was said this time') },
  example: { commitmentId: 'openai-no-domestic-surveillance', statement: 'The agreement includes extra safeguards: no domestic surveillance, no fully autonomous weapons.' },
  streamId: commitmentStream,
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    live(state, data.commitmentId);
    mustHaveHappened(context);
    mustBeSourced(context, 'CommitmentReaffirmed');
  },
  evolve: (state) => state,
  subjects: (_data, context) => ownerOf(context, _data.commitmentId),
});

export function ownerOf(context: { commitment(id: string): CommitmentState }, commitmentId: string): string[] {
  const commitment = context.commitment(commitmentId);
  return commitment.status === 'stated' ? [commitment.stakeholderId] : [];
}
