import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registered, registeredStakeholders } from '../rules';
import { streamIdOf } from '../stream-ids';
import { StakeholderState } from '../stream-states';

export type AffiliationData = { stakeholderId: string; organizationId: string; role: string };

export const affiliationStarted = defineEvent<AffiliationData, StakeholderState>({
  type: 'AffiliationStarted', schemaVersion: 1, family: 'stakeholder', category: 'stakeholder', role: 'contributor', factual: true,
  description: 'A person takes a role at an organisation (occurredAt as precise as known).',
  schema: { stakeholderId: field.slug('The person'), organizationId: field.slug('The organisation'), role: field.text('The role', TEXT.short) },
  example: { stakeholderId: 'caitlin-kalinowski', organizationId: 'openai', role: 'Head of robotics and consumer hardware' },
  streamId: (data) => streamIdOf('stakeholder', data.stakeholderId),
  references: (data) => ({ streams: [streamIdOf('stakeholder', data.organizationId)] }),
  decide(data, state, context) {
    const person = registered(state, data.stakeholderId);
    if (person.kind !== 'person') throw new DomainError('not-a-person', `${data.stakeholderId} is a ${person.kind}; affiliations are of persons`);
    registeredStakeholders(context, [data.organizationId]);
    if (person.affiliations.some((a) => a.open && a.organizationId === data.organizationId && a.role === data.role)) {
      throw new DomainError('affiliation-already-open', `${data.stakeholderId} already holds ${data.role} at ${data.organizationId}`, 'conflict');
    }
    mustHaveHappened(context);
    mustBeSourced(context, 'AffiliationStarted');
  },
  evolve: (state, data) =>
    state.status === 'registered' ? { ...state, affiliations: [...state.affiliations, { organizationId: data.organizationId, role: data.role, open: true }] } : state,
  subjects: (data) => [data.stakeholderId, data.organizationId],
});
