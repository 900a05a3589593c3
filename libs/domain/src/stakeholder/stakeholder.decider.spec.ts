import { deciderSpecification, factContext } from '../testing/decider-specification';
import { stakeholderDecider } from './stakeholder.decider';
import { StakeholderRegistered } from './stakeholder.events';

const spec = deciderSpecification(stakeholderDecider);
const openai: StakeholderRegistered = { type: 'StakeholderRegistered', data: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' } };

describe('stakeholder decider', () => {
  it('registers a new stakeholder', () => {
    spec.given([]).when({ type: 'RegisterStakeholder', data: openai.data, context: factContext('2015') }).then([openai]);
  });

  it('refuses to register the same stakeholder twice', () => {
    spec.given([openai]).when({ type: 'RegisterStakeholder', data: openai.data, context: factContext('2015') }).thenRejects('stakeholder-already-registered');
  });

  it('refuses a registration dated after the time of recording', () => {
    spec.given([]).when({ type: 'RegisterStakeholder', data: openai.data, context: factContext('2026-04') }).thenRejects('occurred-in-future');
  });
});
