import { defineAction } from './action-base';

export const contractSigned = defineAction({
  type: 'ContractSigned',
  description: 'A stakeholder signed a contract with counterparties.',
  schema: {},
  example: { actionId: 'openai-dow-classified-agreement', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Agreement to deploy models on classified networks', topics: ['defence', 'surveillance'] },
});
