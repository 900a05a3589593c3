import { DecidedEvent, Submission } from '../submission/submission';
import { fact, given } from '../testing/decider-specification';
import { ReportEvent } from './report-event';
import { buildSayDoReport } from './say-do-report';
import { statusChanges } from './status-changes';

const AS_OF = '2026-03-10T00:00:00.000Z';
const base = [
  fact('StakeholderRegistered', { stakeholderId: 'acme', name: 'Acme', kind: 'organization' }, '2015'),
  fact('RedLineStated', { commitmentId: 'acme-no-tracking', stakeholderId: 'acme', text: 'No tracking', topics: ['privacy'] }, '2026-02'),
  fact('ContractSigned', { actionId: 'acme-deal', stakeholderId: 'acme', counterpartyIds: [], title: 'Ad deal', topics: ['privacy'] }, '2026-02-27'),
];
const log = (...facts: Submission[]): ReportEvent[] =>
  given(...facts).history.map((e: DecidedEvent, i) => ({
    position: i + 1, eventId: e.eventId, streamId: e.streamId, type: e.type, data: e.data, occurredAt: e.occurredAt.value, recordedAt: AS_OF, sources: e.sources, subjects: e.subjects,
  }));
const fold = (...facts: Submission[]) => buildSayDoReport('acme', log(...base, ...facts), AS_OF, 99);
const assess = (relation: string) => fact('AssessmentRecorded', { commitmentId: 'acme-no-tracking', actionId: 'acme-deal', relation, rationale: 'why' }, '2026-03-09', []);

describe('statusChanges: what a new fact would change on the say-do table', () => {
  it('an assessment that strains an untested red line: untested → under strain', () => {
    expect(statusChanges(fold(), fold(assess('strains')))).toEqual([{ commitmentId: 'acme-no-tracking', text: 'No tracking', from: 'untested', to: 'under_strain' }]);
  });

  it('a new commitment appears with no earlier status', () => {
    const pledge = fact('PledgeMade', { commitmentId: 'acme-open', stakeholderId: 'acme', text: 'Open code', topics: ['openness'] }, '2026-03');
    expect(statusChanges(fold(), fold(pledge))).toEqual([{ commitmentId: 'acme-open', text: 'Open code', from: null, to: 'not_yet_rated' }]);
  });

  it('a fact that changes no status: nothing', () => {
    const dismissal = fact('SuggestionDismissed', { commitmentId: 'acme-no-tracking', actionId: 'acme-deal', rationale: 'Unrelated' }, '2026-03-09', []);
    expect(statusChanges(fold(), fold(dismissal))).toEqual([]);
    expect(statusChanges(null, null)).toEqual([]);
  });
});
