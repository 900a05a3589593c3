import { field, TEXT } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const capabilityRestricted = defineAction<{ product: string; restriction: string }>({
  type: 'CapabilityRestricted',
  description: 'A capability of a product was restricted.',
  schema: { product: field.text('The product', TEXT.short), restriction: field.text('What is no longer possible') },
  example: { actionId: 'sora-mlk-restriction', stakeholderId: 'openai', counterpartyIds: [], title: 'Sora restricted', topics: ['safety'], product: 'Sora', restriction: 'Depictions of Martin Luther King Jr.' },
});
