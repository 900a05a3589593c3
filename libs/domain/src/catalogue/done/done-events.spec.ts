import { fact, given } from '../../testing/decider-specification';

const register = (stakeholderId: string, kind = 'organization') => fact('StakeholderRegistered', { stakeholderId, name: stakeholderId, kind }, '2015');
const base = (actionId: string, extra: Record<string, unknown> = {}) => ({ actionId, stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'A contract', topics: ['defence'], ...extra });
const signed = fact('ContractSigned', base('dow-deal'));
const redLine = fact('RedLineStated', { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No surveillance', topics: ['surveillance'] }, '2026-01');

describe('done events', () => {
  it('records a signed contract about the actor and every counterparty', () => {
    given(register('openai'), register('us-dod')).when(signed).then(([e]) => expect(e).toMatchObject({ streamId: 'action-dow-deal', subjects: ['openai', 'us-dod'] }));
  });

  it('refuses an unregistered counterparty, an actor among its counterparties, a reused action id and a missing source', () => {
    given(register('openai')).when(signed).thenRejects('stakeholder-not-registered');
    given(register('openai'), register('us-dod')).when(fact('ContractSigned', base('x', { counterpartyIds: ['openai'] }))).thenRejects('actor-is-counterparty');
    given(register('openai'), register('us-dod'), signed).when(signed).thenRejects('action-already-recorded');
    given(register('openai'), register('us-dod')).when({ ...signed, sources: [] }).thenRejects('source-required');
  });

  it('terminates only a signed contract', () => {
    const termination = fact('ContractTerminated', { ...base('ends', { stakeholderId: 'us-dod', counterpartyIds: ['openai'] }), contractActionId: 'dow-deal' }, '2026-03');
    given(register('openai'), register('us-dod'), signed).when(termination).then(([e]) => expect(e.type).toBe('ContractTerminated'));
    given(register('openai'), register('us-dod')).when(termination).thenRejects('action-not-found');
    const refused = fact('ContractRefused', base('refused'));
    given(register('openai'), register('us-dod'), refused).when({ ...termination, data: { ...termination.data, contractActionId: 'refused' } }).thenRejects('not-a-contract');
  });

  it('records a departure citing existing commitments only', () => {
    const departure = (cited: string[]) =>
      fact('DepartureAnnounced', { ...base('leaves', { stakeholderId: 'kalinowski', counterpartyIds: ['openai'] }), role: 'Head of robotics', statedReason: 'No guardrails', citedCommitmentIds: cited }, '2026-03-07');
    given(register('openai'), register('kalinowski', 'person'), redLine).when(departure(['no-surveillance'])).then(([e]) => expect(e.subjects).toEqual(['kalinowski', 'openai']));
    given(register('openai'), register('kalinowski', 'person')).when(departure(['no-surveillance'])).thenRejects('commitment-not-found');
  });

  it('records a public reaction with the certainty of its figure', () => {
    const reaction = fact('PublicReactionObserved', { ...base('exodus', { counterpartyIds: [] }), description: 'Subscribers leave', figure: 1500000, unit: 'subscribers', certainty: 'reported' }, '2026-03');
    given(register('openai')).when(reaction).then(([e]) => expect(e.data).toMatchObject({ figure: 1500000, certainty: 'reported' }));
  });
});
