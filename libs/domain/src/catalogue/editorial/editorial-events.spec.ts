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

describe('what a correction may change', () => {
  const anthropic = fact('StakeholderRegistered', { stakeholderId: 'anthropic', name: 'Anthropic', kind: 'organization' }, '2021');
  const redLine = fact('RedLineStated', { commitmentId: 'c', stakeholderId: 'openai', text: 'x', topics: ['defence'] }, '2026-01');
  const story = given(openai, usDod, anthropic, contract, redLine, fact('AssessmentRecorded', { commitmentId: 'c', actionId: 'dow-deal', relation: 'strains', rationale: 'r' }, '2026-03-09', []));
  const [contractId, redLineId, assessmentId] = [story.history[3].eventId, story.history[4].eventId, story.history[5].eventId];
  const correct = (eventId: string, data: Record<string, unknown>) => fact('EventCorrected', { eventId, reason: 'Wrong', data }, '2026-03-09', []);

  it('refuses to change the actor of an action, the owner of a commitment or the subject of a stakeholder event, pointing to retract and record anew', () => {
    story.when(correct(contractId, { ...contract.data, stakeholderId: 'anthropic' })).thenRejects('correction-changes-identity');
    story.when(correct(redLineId, { ...redLine.data, stakeholderId: 'anthropic' })).thenRejects('correction-changes-identity');
    story.when(correct(story.history[0].eventId, { stakeholderId: 'open-ai', name: 'OpenAI', kind: 'organization' })).thenRejects('correction-changes-identity');
    story.when(correct(assessmentId, { commitmentId: 'c', actionId: 'other-deal', relation: 'strains', rationale: 'r' })).thenRejects('correction-changes-identity');
    expect(() => given(openai, usDod, anthropic, contract).when(correct(contractId, { ...contract.data, stakeholderId: 'anthropic' })).then(() => undefined)).toThrow(/retract/i);
  });

  it('checks the corrected data with the original type\'s own rules: counterparties must be registered, never the actor', () => {
    story.when(correct(contractId, { ...contract.data, counterpartyIds: ['nobody'] })).thenRejects('stakeholder-not-registered');
    story.when(correct(contractId, { ...contract.data, counterpartyIds: ['openai'] })).thenRejects('actor-is-counterparty');
  });

  it('changes counterparties, topics, texts and relations; the correction is about the old and the new parties', () => {
    story.when(correct(contractId, { ...contract.data, counterpartyIds: ['anthropic'], topics: ['surveillance'] })).then(([e]) => expect(e.subjects.sort()).toEqual(['anthropic', 'openai', 'us-dod']));
    story.when(correct(redLineId, { ...redLine.data, text: 'y', topics: ['surveillance'] })).then(([e]) => expect(e.subjects).toEqual(['openai']));
    story.when(correct(assessmentId, { commitmentId: 'c', actionId: 'dow-deal', relation: 'contradicts', rationale: 'r2' })).then(([e]) => expect(e.streamId).toBe('commitment-c'));
  });
});

describe('after a retraction', () => {
  const story = given(openai, usDod, contract);
  const contractId = story.history[2].eventId;
  const retraction = fact('EventRetracted', { eventId: contractId, reason: 'Never happened' }, '2026-03-09', []);
  const redLine = fact('RedLineStated', { commitmentId: 'c', stakeholderId: 'openai', text: 'x', topics: ['defence'] }, '2026-01');

  it('refuses to judge the retracted fact, as a conflict with the record (409), not as an unknown id', () => {
    story.when(redLine, retraction, fact('AssessmentRecorded', { commitmentId: 'c', actionId: 'dow-deal', relation: 'strains', rationale: 'r' }, '2026-03-09', [])).thenRejects('action-retracted');
    story.when(redLine, fact('AssessmentRecorded', { commitmentId: 'c', actionId: 'never-recorded', relation: 'strains', rationale: 'r' }, '2026-03-09', [])).thenRejects('action-not-found');
  });

  it('lets the same id be recorded again, correctly', () => {
    story.when(retraction, { ...contract, data: { ...contract.data, title: 'The real agreement' } }).then((events) => expect(events.map((e) => e.streamId)).toEqual(['action-dow-deal', 'action-dow-deal']));
  });

  it('corrects a wrong date, but not into the future', () => {
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Date', data: contract.data, occurredAt: '2026-02-27' }, '2026-03-09', [])).then(([e]) => expect(e.data.occurredAt).toBe('2026-02-27'));
    story.when(fact('EventCorrected', { eventId: contractId, reason: 'Date', data: contract.data, occurredAt: '2027' }, '2026-03-09', [])).thenRejects('occurred-in-future');
  });
});
