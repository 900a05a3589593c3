import { fact, given } from '../../testing/decider-specification';

const openai = fact('StakeholderRegistered', { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, '2015');
const redLine = fact('RedLineStated', { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No domestic mass surveillance', topics: ['surveillance'] }, '2026-02');
const withdrawn = fact('CommitmentWithdrawn', { commitmentId: 'no-surveillance', disclosure: 'unannounced' }, '2026-03');

describe('said events', () => {
  it('states a red line of a registered stakeholder in its commitment stream', () => {
    given(openai).when(redLine).then(([e]) => expect(e).toMatchObject({ streamId: 'commitment-no-surveillance', subjects: ['openai'] }));
  });

  it('makes a pledge with a due date, keeping its precision', () => {
    const pledge = fact('PledgeMade', { commitmentId: 'net-zero', stakeholderId: 'openai', text: 'Net zero', topics: ['climate'], dueBy: '2030' }, '2023');
    given(openai).when(pledge).then(([e]) => expect(e.data.dueBy).toBe('2030'));
  });

  it('refuses a commitment of an unregistered stakeholder, a second statement of the same id, and one without a source', () => {
    given().when(redLine).thenRejects('stakeholder-not-registered');
    given(openai, redLine).when(redLine).thenRejects('commitment-already-stated');
    given(openai).when({ ...redLine, sources: [] }).thenRejects('source-required');
  });

  it('reaffirms, revises and withdraws a live commitment, about its owner', () => {
    given(openai, redLine).when(fact('CommitmentReaffirmed', { commitmentId: 'no-surveillance', statement: 'Still true' }, '2026-03')).then(([e]) => expect(e.subjects).toEqual(['openai']));
    given(openai, redLine).when(fact('CommitmentRevised', { commitmentId: 'no-surveillance', text: 'No surveillance without judicial oversight' }, '2026-03')).then(([e]) => expect(e.type).toBe('CommitmentRevised'));
    given(openai, redLine).when(withdrawn).then(([e]) => expect(e.data.disclosure).toBe('unannounced'));
  });

  it('refuses to reaffirm, revise or withdraw a withdrawn commitment, or one that does not exist', () => {
    given(openai, redLine, withdrawn).when(fact('CommitmentReaffirmed', { commitmentId: 'no-surveillance', statement: 'x' }, '2026-03')).thenRejects('commitment-withdrawn');
    given(openai, redLine, withdrawn).when(withdrawn).thenRejects('commitment-withdrawn');
    given(openai).when(fact('CommitmentRevised', { commitmentId: 'nothing', text: 'x' })).thenRejects('commitment-not-found');
  });
});
