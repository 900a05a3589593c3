import { defineAction } from './action-base';

export const contractRefused = defineAction({
  type: 'ContractRefused',
  description: 'A stakeholder refused a contract offered by counterparties.',
  schema: {},
  example: { actionId: 'anthropic-refuses-dow-terms', stakeholderId: 'anthropic', counterpartyIds: ['us-dod'], title: 'Refused updated contract terms', topics: ['defence', 'surveillance'] },
});
