import { field, TEXT } from '../../schema/field-spec';
import { FIGURE_CERTAINTIES } from '../vocabulary';
import { defineAction } from './action-base';

/** The stakeholder is the one the public reacted to; the figure always travels with its certainty. */
export const publicReactionObserved = defineAction<{ description: string; figure?: number; unit?: string; certainty: (typeof FIGURE_CERTAINTIES)[number] }>({
  type: 'PublicReactionObserved',
  description: 'A public reaction to the stakeholder (an exodus, a boycott), with a figure and how certain it is.',
  schema: {
    description: field.text('What was observed'),
    figure: field.number('The figure, if any', 0, true),
    unit: field.text('What the figure counts', TEXT.short, true),
    certainty: field.enumOf('How solid the figure is', FIGURE_CERTAINTIES),
  },
  example: { actionId: 'chatgpt-exodus-2026', stakeholderId: 'openai', counterpartyIds: [], title: 'Subscribers leave ChatGPT', topics: ['defence'], description: 'Subscribers reportedly leave after the agreement', figure: 1500000, unit: 'subscribers', certainty: 'reported' },
});
