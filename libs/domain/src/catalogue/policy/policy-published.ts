import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registered } from '../rules';
import { streamIdOf } from '../stream-ids';
import { PolicyState } from '../stream-states';

export type PolicyPublishedData = { policyId: string; stakeholderId: string; title: string; summary: string; topics: string[] };

export const policyPublished = defineEvent<PolicyPublishedData, PolicyState>({
  type: 'PolicyPublished', schemaVersion: 1, family: 'policy', category: 'policy', role: 'contributor', factual: true,
  description: 'A stakeholder published a policy document (usage policy, framework, charter).',
  schema: { policyId: field.slug('Id of the policy'), stakeholderId: field.slug('Whose policy'), title: field.text('Title', TEXT.title), summary: field.text('What it says'), topics: field.topics() },
  example: { policyId: 'openai-usage-policy', stakeholderId: 'openai', title: 'Usage policies', summary: 'Disallows military and warfare uses', topics: ['defence'] },
  streamId: (data) => streamIdOf('policy', data.policyId),
  references: (data) => ({ streams: [streamIdOf('stakeholder', data.stakeholderId)] }),
  decide(data, state, context) {
    if (state.status === 'published') throw new DomainError('policy-already-published', `policy ${data.policyId} is already published`, 'conflict');
    registered(context.stakeholder(data.stakeholderId), data.stakeholderId);
    mustHaveHappened(context);
    mustBeSourced(context, 'PolicyPublished');
  },
  evolve: (_state, data) => ({ status: 'published', policyId: data.policyId, stakeholderId: data.stakeholderId }),
  subjects: (data) => [data.stakeholderId],
});
