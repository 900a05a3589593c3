import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { AffiliationData } from './affiliation-started';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registered } from '../rules';
import { streamIdOf } from '../stream-ids';
import { StakeholderState } from '../stream-states';

export const affiliationEnded = defineEvent<AffiliationData, StakeholderState>({
  type: 'AffiliationEnded', schemaVersion: 1, family: 'stakeholder', category: 'stakeholder', role: 'contributor', factual: true,
  description: 'A person leaves a role at an organisation.',
  schema: { stakeholderId: field.slug('The person'), organizationId: field.slug('The organisation'), role: field.text('The role', TEXT.short) },
  example: { stakeholderId: 'aleksander-madry', organizationId: 'openai', role: 'Head of Preparedness' },
  streamId: (data) => streamIdOf('stakeholder', data.stakeholderId),
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    const person = registered(state, data.stakeholderId);
    if (!person.affiliations.some((a) => a.open && a.organizationId === data.organizationId && a.role === data.role)) {
      throw new DomainError('affiliation-not-open', `${data.stakeholderId} holds no ${data.role} at ${data.organizationId}`, 'conflict');
    }
    mustHaveHappened(context);
    mustBeSourced(context, 'AffiliationEnded');
  },
  evolve: (state, data) =>
    state.status === 'registered'
      ? { ...state, affiliations: state.affiliations.map((a) => (a.open && a.organizationId === data.organizationId && a.role === data.role ? { ...a, open: false } : a)) }
      : state,
  subjects: (data) => [data.stakeholderId, data.organizationId],
});
