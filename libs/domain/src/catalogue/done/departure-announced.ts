import { field, MAX_PARTIES, TEXT } from '../../schema/field-spec';
import { stated } from '../rules';
import { streamIdOf } from '../stream-ids';
import { defineAction } from './action-base';

/** A person leaves (the actor), the organisation is the counterparty; cited commitments show the departure. */
export const departureAnnounced = defineAction<{ role: string; statedReason: string; citedCommitmentIds: string[] }>({
  type: 'DepartureAnnounced',
  description: 'A person announced leaving an organisation, with the stated reason and the commitments it cites.',
  schema: {
    role: field.text('The role left', TEXT.short),
    statedReason: field.text('The reason, in their words'),
    citedCommitmentIds: field.slugs('Commitments the departure invokes', MAX_PARTIES),
  },
  example: {
    actionId: 'kalinowski-resigns', stakeholderId: 'caitlin-kalinowski', counterpartyIds: ['openai'], title: 'Head of robotics resigns', topics: ['defence', 'surveillance'],
    role: 'Head of robotics and consumer hardware', statedReason: 'The announcement was rushed without the guardrails defined', citedCommitmentIds: ['openai-no-domestic-surveillance'],
  },
  references: (data) => data.citedCommitmentIds.map((id) => streamIdOf('commitment', id)),
  rule(data, context) {
    for (const id of data.citedCommitmentIds) stated(context.commitment(id), id);
  },
});
