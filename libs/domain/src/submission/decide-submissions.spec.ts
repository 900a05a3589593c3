import { DomainError } from '../shared/domain-error';
import { fact, given } from '../testing/decider-specification';

const register = (stakeholderId: string) => fact('StakeholderRegistered', { stakeholderId, name: stakeholderId, kind: 'organization' }, '2015');
const redLine = fact('RedLineStated', { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No surveillance', topics: ['surveillance'] }, '2026-03');
const contract = fact('ContractSigned', { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deal', topics: ['surveillance'] }, '2026-02-27');

describe('deciding a batch of submissions', () => {
  it('lets later facts of a batch see earlier ones', () => {
    given().when(register('openai'), register('us-dod'), redLine, contract).then((events) =>
      expect(events.map((e) => e.streamId)).toEqual(['stakeholder-openai', 'stakeholder-us-dod', 'commitment-no-surveillance', 'action-dow-deal']),
    );
  });

  it('rejects the whole batch at the first broken rule, naming the submission', () => {
    let error: unknown;
    try {
      given().when(register('openai'), contract).then(() => undefined);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'stakeholder-not-registered', details: { index: 1, stakeholderIds: ['us-dod'] } });
  });

  it("refuses a client's expected version that is not the stream's", () => {
    given(register('openai')).when({ ...register('openai'), expectedVersion: 0 }).thenRejects('wrong-expected-version');
  });
});

describe('the versions a decision is checked against', () => {
  const history = [register('openai'), register('us-dod'), redLine, contract];
  const assess = fact('AssessmentRecorded', { commitmentId: 'no-surveillance', actionId: 'dow-deal', relation: 'strains', rationale: 'Signed first' }, '2026-03-09', []);

  it('covers the streams a decision only read, at the version it read them', () => {
    const decision = given(...history).decide(assess);
    expect(Object.fromEntries(decision.expectedVersions)).toEqual({ 'commitment-no-surveillance': 1, 'action-dow-deal': 1 });
  });

  it("covers the stream of an event looked up by id, and the stakeholders an action's rules consulted", () => {
    const spec = given(...history);
    const contractEvent = spec.history[3];
    const retraction = fact('EventRetracted', { eventId: contractEvent.eventId, reason: 'The report was withdrawn' }, '2026-03-09', []);
    expect(Object.fromEntries(spec.decide(retraction).expectedVersions)).toEqual({ 'action-dow-deal': 1 });
    const another = fact('ContractSigned', { actionId: 'second-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deal 2', topics: [] }, '2026-03');
    expect(Object.fromEntries(spec.decide(another).expectedVersions)).toEqual({ 'action-second-deal': 0, 'stakeholder-openai': 1, 'stakeholder-us-dod': 1 });
  });

  it('expects the version as loaded for a stream the batch both reads and writes', () => {
    const decision = given().decide(register('openai'), register('us-dod'), redLine, contract, assess);
    expect(Object.fromEntries(decision.expectedVersions)).toEqual({
      'stakeholder-openai': 0,
      'stakeholder-us-dod': 0,
      'commitment-no-surveillance': 0,
      'action-dow-deal': 0,
    });
  });
});
