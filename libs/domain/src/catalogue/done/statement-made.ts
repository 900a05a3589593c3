import { field } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const statementMade = defineAction<{ statement: string }>({
  type: 'StatementMade',
  description: 'The stakeholder said something that is not a commitment (a defence, an explanation).',
  schema: { statement: field.text('What was said') },
  example: { actionId: 'altman-all-hands', stakeholderId: 'sam-altman', counterpartyIds: ['openai'], title: 'All-hands after the agreement', topics: ['defence'], statement: 'Staff do not get a say in US military operations' },
});
