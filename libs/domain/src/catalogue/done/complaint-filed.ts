import { field, TEXT } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const complaintFiled = defineAction<{ forum: string; complaintCount?: number }>({
  type: 'ComplaintFiled',
  description: 'Complaints were filed about the stakeholder (the actor is the complainant, or the public).',
  schema: { forum: field.text('Where (a regulator, an ombudsman)', TEXT.short), complaintCount: field.number('How many, if reported', 1, true) },
  example: { actionId: 'ftc-complaints-2025', stakeholderId: 'chatgpt-users', counterpartyIds: ['openai'], title: 'Hundreds of complaints filed with the FTC', topics: ['mental-health'], forum: 'US Federal Trade Commission', complaintCount: 200 },
});
