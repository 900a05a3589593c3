import { subjectsOf } from './event-subjects';

describe('event subjects', () => {
  it('a contract concerns its actor and every counterparty', () => {
    const event = { type: 'ContractSigned' as const, data: { actionId: 'a', stakeholderId: 'openai', counterpartyIds: ['us-dod', 'microsoft'], title: 't', topics: [] } };
    expect(subjectsOf(event)).toEqual(['openai', 'us-dod', 'microsoft']);
  });

  it("an assessment concerns the commitment's owner and the action's parties", () => {
    const event = { type: 'AssessmentRecorded' as const, data: { commitmentId: 'c', actionId: 'a', relation: 'strains' as const, rationale: 'r' } };
    const subjects = subjectsOf(event, {
      commitment: { status: 'stated', commitmentId: 'c', kind: 'red_line', stakeholderId: 'openai', topics: [], assessedActionIds: [] },
      action: { status: 'recorded', actionId: 'a', type: 'ContractSigned', stakeholderId: 'openai', counterpartyIds: ['us-dod'], topics: [] },
    });
    expect(subjects).toEqual(['openai', 'us-dod']);
  });
});
