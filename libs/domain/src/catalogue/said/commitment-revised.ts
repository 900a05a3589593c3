import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { live, mustBeSourced, mustHaveHappened } from '../rules';
import { CommitmentState } from '../stream-states';
import { ownerOf } from './commitment-reaffirmed';
import { commitmentStream } from './commitment-stated';

export type CommitmentRevisedData = { commitmentId: string; text: string; explanation?: string };

/** The commitment now reads differently; reports show the new text and keep the old in its history. */
export const commitmentRevised = defineEvent<CommitmentRevisedData, CommitmentState>({
  type: 'CommitmentRevised', schemaVersion: 1, family: 'said', category: 'commitment', role: 'contributor', factual: true,
  description: 'The stakeholder changed the wording of its commitment; the earlier text stays in the history.',
  schema: { commitmentId: field.slug('The commitment'), text: field.text('The new text'), explanation: field.text('What the stakeholder said about the change', undefined, true) },
  example: { commitmentId: 'openai-no-military-use', text: 'Our models may be used for national security uses that align with our mission', explanation: 'Usage policy rewritten' },
  streamId: commitmentStream,
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    live(state, data.commitmentId);
    if (!data.text.trim()) throw new DomainError('text-required', 'a revision needs the new text');
    mustHaveHappened(context);
    mustBeSourced(context, 'CommitmentRevised');
  },
  evolve: (state) => state,
  subjects: (data, context) => ownerOf(context, data.commitmentId),
});
