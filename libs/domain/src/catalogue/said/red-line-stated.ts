import { defineEvent } from '../event-definition';
import { CommitmentState } from '../stream-states';
import { commitmentSchema, CommitmentStatedData, commitmentStream, decideStatement, ownerReference, stateCommitment } from './commitment-stated';

export const redLineStated = defineEvent<CommitmentStatedData, CommitmentState>({
  type: 'RedLineStated', schemaVersion: 1, family: 'said', category: 'commitment', role: 'contributor', factual: true,
  description: 'A stakeholder said it would never do something.',
  schema: commitmentSchema,
  example: { commitmentId: 'openai-no-domestic-surveillance', stakeholderId: 'openai', text: 'Our technology will not be used for domestic mass surveillance', topics: ['surveillance'] },
  streamId: commitmentStream,
  references: ownerReference,
  decide: (data, state, context) => decideStatement('RedLineStated', data, state, context),
  evolve: (_state, data) => stateCommitment('red_line', data),
  subjects: (data) => [data.stakeholderId],
});
