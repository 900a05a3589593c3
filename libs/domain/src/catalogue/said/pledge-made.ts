import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { CommitmentState } from '../stream-states';
import { commitmentSchema, CommitmentStatedData, commitmentStream, decideStatement, ownerReference, stateCommitment } from './commitment-stated';

export const pledgeMade = defineEvent<CommitmentStatedData, CommitmentState>({
  type: 'PledgeMade', schemaVersion: 1, family: 'said', category: 'commitment', role: 'contributor', factual: true,
  description: 'A stakeholder said it would do something, optionally by a date.',
  schema: { ...commitmentSchema, dueBy: field.date('When it is due, as precise as stated.', true) },
  example: { commitmentId: 'acme-net-zero-2030', stakeholderId: 'acme', text: 'Net zero emissions across operations by 2030', topics: ['climate'], dueBy: '2030' },
  streamId: commitmentStream,
  references: ownerReference,
  decide: (data, state, context) => decideStatement('PledgeMade', data, state, context),
  evolve: (_state, data) => stateCommitment('pledge', data),
  subjects: (data) => [data.stakeholderId],
});
