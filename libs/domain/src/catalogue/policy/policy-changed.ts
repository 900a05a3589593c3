import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened } from '../rules';
import { streamIdOf } from '../stream-ids';
import { PolicyState } from '../stream-states';
import { POLICY_CHANGE_TYPES, SEVERITIES } from '../vocabulary';

export type PolicyChangedData = { policyId: string; changeType: (typeof POLICY_CHANGE_TYPES)[number]; severity: (typeof SEVERITIES)[number]; description: string };

export const policyChanged = defineEvent<PolicyChangedData, PolicyState>({
  type: 'PolicyChanged', schemaVersion: 1, family: 'policy', category: 'policy', role: 'contributor', factual: true,
  description: 'A published policy changed: what changed, how, and how much it matters.',
  schema: {
    policyId: field.slug('The policy'),
    changeType: field.enumOf('Kind of change', POLICY_CHANGE_TYPES),
    severity: field.enumOf('How much it matters', SEVERITIES),
    description: field.text('What changed'),
  },
  example: { policyId: 'openai-usage-policy', changeType: 'removed', severity: 'major', description: 'The explicit ban on military and warfare use was removed' },
  streamId: (data) => streamIdOf('policy', data.policyId),
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    if (state.status !== 'published') throw new DomainError('policy-not-found', `policy ${data.policyId} does not exist`);
    mustHaveHappened(context);
    mustBeSourced(context, 'PolicyChanged');
  },
  evolve: (state) => state,
  subjects: (_data, context) => {
    const policy = context.policy(_data.policyId);
    return policy.status === 'published' ? [policy.stakeholderId] : [];
  },
});
