import { fact, given } from '../../testing/decider-specification';

const openai = fact('StakeholderRegistered', { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, '2015-12');
const kalinowski = fact('StakeholderRegistered', { stakeholderId: 'caitlin-kalinowski', name: 'Caitlin Kalinowski', kind: 'person' }, '2024');
const joins = fact('AffiliationStarted', { stakeholderId: 'caitlin-kalinowski', organizationId: 'openai', role: 'Head of robotics' }, '2024');

describe('stakeholder events', () => {
  it('registers a stakeholder into its own stream, about itself', () => {
    given().when(openai).then(([event]) => expect(event).toMatchObject({ streamId: 'stakeholder-openai', type: 'StakeholderRegistered', subjects: ['openai'] }));
  });

  it('refuses to register the same stakeholder twice', () => given(openai).when(openai).thenRejects('stakeholder-already-registered'));

  it('refuses a registration without a source, or dated after the time of recording', () => {
    given().when({ ...openai, sources: [] }).thenRejects('source-required');
    given().when({ ...openai, occurredAt: '2026-04' }).thenRejects('occurred-in-future');
  });

  it('renames a registered stakeholder, but not to the name it has', () => {
    given(openai).when(fact('StakeholderRenamed', { stakeholderId: 'openai', name: 'OpenAI Group' })).then(([e]) => expect(e.type).toBe('StakeholderRenamed'));
    given(openai).when(fact('StakeholderRenamed', { stakeholderId: 'openai', name: 'OpenAI' })).thenRejects('name-unchanged');
  });

  it("records a person's affiliation with an organisation, about both", () => {
    given(openai, kalinowski).when(joins).then(([e]) => expect(e.subjects).toEqual(['caitlin-kalinowski', 'openai']));
  });

  it('refuses an affiliation of an organisation, and the end of an affiliation that is not open', () => {
    given(openai).when(fact('AffiliationStarted', { stakeholderId: 'openai', organizationId: 'openai', role: 'x' })).thenRejects('not-a-person');
    given(openai, kalinowski).when(fact('AffiliationEnded', { stakeholderId: 'caitlin-kalinowski', organizationId: 'openai', role: 'Head of robotics' })).thenRejects('affiliation-not-open');
    given(openai, kalinowski, joins).when(fact('AffiliationEnded', { stakeholderId: 'caitlin-kalinowski', organizationId: 'openai', role: 'Head of robotics' }, '2026-03')).then(([e]) => expect(e.type).toBe('AffiliationEnded'));
  });
});
