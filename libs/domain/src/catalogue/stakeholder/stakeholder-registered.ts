import { DomainError } from '../../shared/domain-error';
import { field, TEXT } from '../../schema/field-spec';
import { defineEvent } from '../event-definition';
import { mustBeSourced, mustHaveHappened } from '../rules';
import { streamIdOf } from '../stream-ids';
import { StakeholderState } from '../stream-states';
import { STAKEHOLDER_KINDS, StakeholderKind } from '../vocabulary';

export type StakeholderRegisteredData = { stakeholderId: string; name: string; kind: StakeholderKind };

export const stakeholderRegistered = defineEvent<StakeholderRegisteredData, StakeholderState>({
  type: 'StakeholderRegistered', schemaVersion: 1, family: 'stakeholder', category: 'stakeholder', role: 'contributor', factual: true,
  description: 'A company, person or public body enters the record under a slug the client chooses.',
  schema: { stakeholderId: field.slug('Id chosen by the client'), name: field.text('Display name', TEXT.name), kind: field.enumOf('What it is', STAKEHOLDER_KINDS) },
  example: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' },
  streamId: (data) => streamIdOf('stakeholder', data.stakeholderId),
  references: () => ({ streams: [] }),
  decide(data, state, context) {
    if (state.status === 'registered') throw new DomainError('stakeholder-already-registered', `stakeholder ${data.stakeholderId} is already registered`, 'conflict');
    mustHaveHappened(context);
    mustBeSourced(context, 'StakeholderRegistered');
  },
  evolve: (_state, data) => ({ status: 'registered', ...data, affiliations: [] }),
  subjects: (data) => [data.stakeholderId],
});
