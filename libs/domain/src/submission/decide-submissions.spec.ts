import { DomainError } from '../shared/domain-error';
import { A_SOURCE } from '../testing/decider-specification';
import { decideSubmissions } from './decide-submissions';
import { Submission } from './submission';

const NOW = '2026-03-09T12:00:00.000Z';
const register = (stakeholderId: string): Submission => ({
  type: 'StakeholderRegistered', data: { stakeholderId, name: stakeholderId, kind: 'organization' }, occurredAt: '2015', sources: [A_SOURCE],
});
const redLine: Submission = {
  type: 'RedLineStated', data: { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No domestic mass surveillance', topics: ['surveillance'] },
  occurredAt: '2026-03', sources: [A_SOURCE],
};
const contract: Submission = {
  type: 'ContractSigned', data: { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Classified networks', topics: ['surveillance'] },
  occurredAt: '2026-02-27', sources: [A_SOURCE],
};
const assessment: Submission = {
  type: 'AssessmentRecorded', data: { commitmentId: 'no-surveillance', actionId: 'dow-deal', relation: 'strains', rationale: 'No guardrails defined' },
  occurredAt: '2026-03-07', sources: [],
};

describe('deciding a batch of submissions', () => {
  it('given nothing, when a whole story is submitted at once, later facts see earlier ones', () => {
    const decision = decideSubmissions([register('openai'), register('us-dod'), redLine, contract, assessment], new Map(), NOW);
    expect(decision.events.map((e) => [e.streamId, e.event.type])).toEqual([
      ['stakeholder-openai', 'StakeholderRegistered'],
      ['stakeholder-us-dod', 'StakeholderRegistered'],
      ['commitment-no-surveillance', 'RedLineStated'],
      ['action-dow-deal', 'ContractSigned'],
      ['commitment-no-surveillance', 'AssessmentRecorded'],
    ]);
    expect(decision.events[4].subjects).toEqual(['openai', 'us-dod']);
    expect(Object.fromEntries(decision.expectedVersions)).toEqual({
      'stakeholder-openai': 0, 'stakeholder-us-dod': 0, 'commitment-no-surveillance': 0, 'action-dow-deal': 0,
    });
  });

  it('given a registered stakeholder in the store, a pledge expects its commitment stream to be new', () => {
    const loaded = new Map([['stakeholder-openai', { version: 1, events: [{ type: 'StakeholderRegistered' as const, data: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' as const } }] }]]);
    const decision = decideSubmissions([redLine], loaded, NOW);
    expect(decision.events).toHaveLength(1);
    expect(decision.expectedVersions.get('commitment-no-surveillance')).toBe(0);
  });

  it('rejects the whole batch at the first broken rule, naming the submission', () => {
    let error: unknown;
    try {
      decideSubmissions([register('openai'), contract], new Map(), NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'stakeholder-not-registered', details: { index: 1, stakeholderIds: ['us-dod'] } });
    expect((error as DomainError).message).toMatch(/^events\[1\]: /);
  });

  it("refuses a client's expected version that is not the stream's", () => {
    expect(() => decideSubmissions([register('openai'), { ...register('openai'), expectedVersion: 0 }], new Map(), NOW)).toThrow(
      expect.objectContaining({ code: 'wrong-expected-version', details: expect.objectContaining({ currentVersion: 1, expectedVersion: 0 }) }),
    );
  });
});
