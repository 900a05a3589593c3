import { field, TEXT } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const productChangeRolledBack = defineAction<{ product: string; change: string }>({
  type: 'ProductChangeRolledBack',
  description: 'A product change was undone.',
  schema: { product: field.text('The product', TEXT.short), change: field.text('What was rolled back and why') },
  example: { actionId: 'gpt-4o-sycophancy-rollback', stakeholderId: 'openai', counterpartyIds: [], title: 'GPT-4o update rolled back', topics: ['safety', 'mental-health'], product: 'ChatGPT (GPT-4o)', change: 'An update judged too flattering, able to validate harmful thoughts' },
});
