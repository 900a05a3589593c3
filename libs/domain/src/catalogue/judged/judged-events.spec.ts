import { fact, given } from '../../testing/decider-specification';

const history = [
  fact('StakeholderRegistered', { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, '2015'),
  fact('StakeholderRegistered', { stakeholderId: 'us-dod', name: 'DoD', kind: 'government' }, '1947'),
  fact('RedLineStated', { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No surveillance', topics: ['surveillance'] }, '2026-01'),
  fact('ContractSigned', { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deal', topics: ['surveillance'] }, '2026-02'),
];
const judge = (type: string, data: Record<string, unknown>) => fact(type, { commitmentId: 'no-surveillance', actionId: 'dow-deal', ...data }, '2026-03-09', []);
const assessed = judge('AssessmentRecorded', { relation: 'strains', rationale: 'No guardrails' });
const disputed = judge('AssessmentDisputed', { disputeId: 'reply-1', disputedBy: 'OpenAI', grounds: 'Safeguards exist' });

describe('judged events', () => {
  it("records an assessment without a source, about the commitment's owner and the action's parties", () => {
    given(...history).when(assessed).then(([e]) => expect(e).toMatchObject({ streamId: 'commitment-no-surveillance', subjects: ['openai', 'us-dod'] }));
  });

  it('refuses an assessment of a missing commitment or action, and a second one of the same pair', () => {
    given(...history).when({ ...assessed, data: { ...assessed.data, commitmentId: 'none' } }).thenRejects('commitment-not-found');
    given(...history).when({ ...assessed, data: { ...assessed.data, actionId: 'none' } }).thenRejects('action-not-found');
    given(...history, assessed).when(assessed).thenRejects('assessment-already-recorded');
  });

  it('revises only an existing assessment', () => {
    const revised = judge('AssessmentRevised', { relation: 'contradicts', rationale: 'Worse than thought' });
    given(...history, assessed).when(revised).then(([e]) => expect(e.data.relation).toBe('contradicts'));
    given(...history).when(revised).thenRejects('assessment-not-found');
  });

  it('disputes an assessment once per dispute id, and resolves only an open dispute', () => {
    const resolved = fact('DisputeResolved', { commitmentId: 'no-surveillance', disputeId: 'reply-1', outcome: 'upheld', resolution: 'Not defined at signing' }, '2026-03-09', []);
    given(...history, assessed).when(disputed).then(([e]) => expect(e.type).toBe('AssessmentDisputed'));
    given(...history, assessed, disputed).when(disputed).thenRejects('dispute-already-recorded');
    given(...history, assessed, disputed).when(resolved).then(([e]) => expect(e.data.outcome).toBe('upheld'));
    given(...history, assessed, disputed, resolved).when(resolved).thenRejects('dispute-not-open');
  });

  it('dismisses a suggestion only for an action not assessed and not dismissed yet', () => {
    const dismissed = judge('SuggestionDismissed', { rationale: 'Unrelated' });
    given(...history).when(dismissed).then(([e]) => expect(e.type).toBe('SuggestionDismissed'));
    given(...history, assessed).when(dismissed).thenRejects('already-assessed');
    given(...history, dismissed).when(dismissed).thenRejects('suggestion-already-dismissed');
  });
});
