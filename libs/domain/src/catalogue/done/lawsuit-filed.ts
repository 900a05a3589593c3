import { field, TEXT } from '../../schema/field-spec';
import { defineAction } from './action-base';

export const lawsuitFiled = defineAction<{ caseName: string; court?: string }>({
  type: 'LawsuitFiled',
  description: 'A lawsuit was filed (the actor sues its counterparties).',
  schema: { caseName: field.text('The case', TEXT.short), court: field.text('The court, if known', TEXT.short, true) },
  example: { actionId: 'raine-v-openai', stakeholderId: 'raine-family', counterpartyIds: ['openai'], title: 'Wrongful-death suit', topics: ['mental-health', 'safety'], caseName: 'Raine v. OpenAI' },
});
