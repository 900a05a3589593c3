import { DomainError } from '../../shared/domain-error';
import { field } from '../../schema/field-spec';
import { recorded } from '../rules';
import { streamIdOf } from '../stream-ids';
import { defineAction } from './action-base';

export const contractTerminated = defineAction<{ contractActionId?: string }>({
  type: 'ContractTerminated',
  description: 'A party ended a contract recorded earlier.',
  schema: { contractActionId: field.slug('The ContractSigned action it ends, when it is on record', true) },
  example: { actionId: 'dow-drops-anthropic', stakeholderId: 'us-dod', counterpartyIds: ['anthropic'], title: 'Department drops Anthropic', topics: ['defence'], contractActionId: 'anthropic-dod-contract' },
  references: (data) => (data.contractActionId ? [streamIdOf('action', data.contractActionId)] : []),
  rule(data, context) {
    if (!data.contractActionId) return;
    const contract = recorded(context.action(data.contractActionId), data.contractActionId);
    if (contract.type !== 'ContractSigned') throw new DomainError('not-a-contract', `${data.contractActionId} is a ${contract.type}, not a signed contract`);
  },
});
