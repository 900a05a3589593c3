import { field, TEXT } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const positionOpened = defineAction<{ role: string; compensation?: string }>({
  type: 'PositionOpened',
  description: 'The stakeholder opened a position.',
  schema: { role: field.text('The role', TEXT.short), compensation: field.text('Pay as announced', TEXT.short, true) },
  example: { actionId: 'openai-head-of-preparedness-2025', stakeholderId: 'openai', counterpartyIds: [], title: 'Head of Preparedness job opening', topics: ['safety'], role: 'Head of Preparedness', compensation: 'about 555,000 USD a year plus equity' },
});
