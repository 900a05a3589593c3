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
