import { fact, given } from '../../testing/decider-specification';

const openai = fact('StakeholderRegistered', { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, '2015');
const usDod = fact('StakeholderRegistered', { stakeholderId: 'us-dod', name: 'DoD', kind: 'government' }, '1947');
const contract = fact('ContractSigned', { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deal', topics: ['defence'] }, '2026-03');

describe('editorial events', () => {
  const story = given(openai, usDod, contract);
  const contractId = story.history[2].eventId;

  it('retracts an earlier event into its own stream, about the same stakeholders', () => {
    story.when(fact('EventRetracted', { eventId: contractId, reason: 'Source withdrawn' }, '2026-03-09', [])).then(([e]) =>
      expect(e).toMatchObject({ streamId: 'action-dow-deal', subjects: ['openai', 'us-dod'] }),
    );
  });

  it('refuses to retract an unknown event, or one already retracted', () => {
    story.when(fact('EventRetracted', { eventId: '00000000-0000-4000-8000-999999999999', reason: 'x' }, '2026-03-09', [])).thenRejects('event-not-found');
    const retraction = fact('EventRetracted', { eventId: contractId, reason: 'Source withdrawn' }, '2026-03-09', []);
    story.when(retraction, retraction).thenRejects('event-retracted');
  });

  it("corrects an event's data after checking it against the event type's schema", () => {
    const corrected = { ...contract.data, title: 'Agreement on classified networks' };
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Title', data: corrected }, '2026-03-09', [])).then(([e]) => expect(e.streamId).toBe('action-dow-deal'));
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Bad', data: { ...corrected, title: '' } }, '2026-03-09', [])).thenRejects('invalid-correction');
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Id', data: { ...corrected, actionId: 'other' } }, '2026-03-09', [])).thenRejects('correction-changes-identity');
  });
});
