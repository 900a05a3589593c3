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

describe('after a retraction', () => {
  const story = given(openai, usDod, contract);
  const contractId = story.history[2].eventId;
  const retraction = fact('EventRetracted', { eventId: contractId, reason: 'Never happened' }, '2026-03-09', []);
  const redLine = fact('RedLineStated', { commitmentId: 'c', stakeholderId: 'openai', text: 'x', topics: ['defence'] }, '2026-01');

  it('refuses to judge the retracted fact, as if it did not exist', () => {
    story.when(redLine, retraction, fact('AssessmentRecorded', { commitmentId: 'c', actionId: 'dow-deal', relation: 'strains', rationale: 'r' }, '2026-03-09', [])).thenRejects('action-not-found');
  });

  it('lets the same id be recorded again, correctly', () => {
    story.when(retraction, { ...contract, data: { ...contract.data, title: 'The real agreement' } }).then((events) => expect(events.map((e) => e.streamId)).toEqual(['action-dow-deal', 'action-dow-deal']));
  });

  it('corrects a wrong date, but not into the future', () => {
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Date', data: contract.data, occurredAt: '2026-02-27' }, '2026-03-09', [])).then(([e]) => expect(e.data.occurredAt).toBe('2026-02-27'));
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Date', data: contract.data, occurredAt: '2027' }, '2026-03-09', [])).thenRejects('occurred-in-future');
  });
});
