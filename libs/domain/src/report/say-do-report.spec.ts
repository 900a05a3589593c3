import { DecidedEvent, Submission } from '../submission/submission';
import { fact, given } from '../testing/decider-specification';
import { ReportEvent } from './report-event';
import { buildSayDoReport } from './say-do-report';
import { buildTimeline } from './timeline';
import { compareOnTopic } from './topic-comparison';

const AS_OF = '2026-03-10T00:00:00.000Z';
const reg = (id: string, kind = 'organization') => fact('StakeholderRegistered', { stakeholderId: id, name: id.toUpperCase(), kind }, '2015');
const redLine = (commitmentId: string, stakeholderId: string) => fact('RedLineStated', { commitmentId, stakeholderId, text: 'No mass surveillance', topics: ['surveillance', 'autonomous-weapons'] }, '2026-02');
const deal = fact('ContractSigned', { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Classified deployment', topics: ['defence', 'surveillance'] }, '2026-02-27');
const refusal = fact('ContractRefused', { actionId: 'anthropic-refusal', stakeholderId: 'anthropic', counterpartyIds: ['us-dod'], title: 'Refused the terms', topics: ['defence', 'surveillance'] }, '2026-02-27');
const base = [reg('openai'), reg('anthropic'), reg('us-dod', 'government'), reg('kalinowski', 'person'), redLine('openai-red-line', 'openai'), redLine('anthropic-red-line', 'anthropic'), deal, refusal];

/** Decides the facts with the real rules, then presents them as the log would. */
function log(...facts: Submission[]): ReportEvent[] {
  return given(...facts).history.map((e: DecidedEvent, i) => ({
    position: i + 1, eventId: e.eventId, streamId: e.streamId, type: e.type, data: e.data, occurredAt: e.occurredAt.value, recordedAt: AS_OF, sources: e.sources, subjects: e.subjects,
  }));
}
const report = (id: string, ...facts: Submission[]) => buildSayDoReport(id, log(...base, ...facts), AS_OF, 99)!;
const judge = (type: string, data: Record<string, unknown>) => fact(type, { commitmentId: 'openai-red-line', actionId: 'dow-deal', ...data }, '2026-03-09', []);

describe('say-do report', () => {
  it("given a contract on a red line's topics, suggests a strain on the actor's red line, apart from editors' links", () => {
    const [redLineReport] = report('openai').commitments;
    expect(redLineReport.links).toEqual([]);
    expect(redLineReport.suggestions).toEqual([expect.objectContaining({ relation: 'strains', matchingTopics: ['surveillance'], action: expect.objectContaining({ actionId: 'dow-deal' }) })]);
    expect(redLineReport.status).toBe('untested');
    expect(report('openai').summary.suggestions).toBe(1);
  });

  it('drops the suggestion once an editor confirms it with an assessment, or dismisses it', () => {
    const confirmed = report('openai', judge('AssessmentRecorded', { relation: 'strains', rationale: 'No guardrails' })).commitments[0];
    expect(confirmed.suggestions).toEqual([]);
    expect(confirmed.status).toBe('under_strain');
    expect(report('openai', judge('SuggestionDismissed', { rationale: 'Unrelated' })).commitments[0].suggestions).toEqual([]);
  });

  it('a refused contract shows in the refuser\'s report and an assessment that it fulfils the red line holds it', () => {
    const held = report('anthropic', fact('AssessmentRecorded', { commitmentId: 'anthropic-red-line', actionId: 'anthropic-refusal', relation: 'fulfils', rationale: 'Refused at a cost' }, '2026-03-09', []));
    expect(held.commitments[0].status).toBe('held');
    expect(held.summary.sayDo).toMatchObject({ honoured: 1, rated: 1 });
  });

  it('a departure citing a commitment shows on it, and a reaction shows apart from the actions', () => {
    const departure = fact('DepartureAnnounced', {
      actionId: 'kalinowski-leaves', stakeholderId: 'kalinowski', counterpartyIds: ['openai'], title: 'Resigns', topics: ['defence'], role: 'Head of robotics', statedReason: 'Rushed without guardrails', citedCommitmentIds: ['openai-red-line'],
    }, '2026-03-07');
    const exodus = fact('PublicReactionObserved', { actionId: 'exodus', stakeholderId: 'openai', counterpartyIds: [], title: 'Subscribers leave', topics: ['defence'], description: 'Reported exodus', figure: 1500000, unit: 'subscribers', certainty: 'reported' }, '2026-03');
    const result = report('openai', departure, exodus);
    expect(result.commitments[0].citedBy.map((a) => a.actionId)).toEqual(['kalinowski-leaves']);
    expect(result.reactions).toEqual([expect.objectContaining({ actionId: 'exodus', details: expect.objectContaining({ figure: 1500000, certainty: 'reported' }) })]);
    expect(result.unlinkedActions.map((a) => a.actionId)).toEqual(['dow-deal', 'kalinowski-leaves']);
  });

  it('marks a link contested while a dispute is open, and keeps revisions in its history', () => {
    const assessed = judge('AssessmentRecorded', { relation: 'strains', rationale: 'No guardrails' });
    const disputed = judge('AssessmentDisputed', { disputeId: 'reply', disputedBy: 'OpenAI', grounds: 'Safeguards exist' });
    const open = report('openai', assessed, disputed).commitments[0];
    expect(open.contested).toBe(true);
    expect(report('openai', assessed, disputed).summary.openDisputes).toBe(1);
    const resolved = fact('DisputeResolved', { commitmentId: 'openai-red-line', disputeId: 'reply', outcome: 'assessment_revised', resolution: 'Worse' }, '2026-03-09', []);
    const revised = judge('AssessmentRevised', { relation: 'contradicts', rationale: 'Contract allows it' });
    const closed = report('openai', assessed, disputed, resolved, revised).commitments[0];
    expect(closed.contested).toBe(false);
    expect(closed.status).toBe('crossed');
    expect(closed.links[0].revisions).toEqual([expect.objectContaining({ relation: 'strains' })]);
  });

  it('keeps the history of a commitment: stated, reaffirmed, revised, withdrawn (unannounced)', () => {
    const result = report(
      'openai',
      fact('CommitmentReaffirmed', { commitmentId: 'openai-red-line', statement: 'Extra safeguards' }, '2026-03'),
      fact('CommitmentRevised', { commitmentId: 'openai-red-line', text: 'No surveillance of Americans without oversight' }, '2026-03-05'),
      fact('CommitmentWithdrawn', { commitmentId: 'openai-red-line', disclosure: 'unannounced' }, '2026-03-08'),
    );
    const [commitment] = result.commitments;
    expect(commitment.history.map((h) => h.type)).toEqual(['RedLineStated', 'CommitmentReaffirmed', 'CommitmentRevised', 'CommitmentWithdrawn']);
    expect(commitment.text).toBe('No surveillance of Americans without oversight');
    expect(commitment.history[0].text).toBe('No mass surveillance');
    expect(commitment.withdrawn).toMatchObject({ disclosure: 'unannounced' });
    expect(commitment.suggestions).toEqual([]);
    expect(result.summary.withdrawn).toEqual({ announced: 0, unannounced: 1 });
  });

  it('stops counting a retracted fact, shows a corrected one as corrected, and lists both editorial acts', () => {
    const events = log(...base, judge('AssessmentRecorded', { relation: 'contradicts', rationale: 'r' }));
    const dealEvent = events.find((e) => e.type === 'ContractSigned')!;
    const assessment = events.find((e) => e.type === 'AssessmentRecorded')!;
    const editorial = (position: number, type: string, data: Record<string, unknown>): ReportEvent => ({ ...assessment, position, eventId: `e-${position}`, type, data, streamId: 'x' });
    const corrected = editorial(100, 'EventCorrected', { eventId: dealEvent.eventId, reason: 'Title', data: { ...dealEvent.data, title: 'Corrected title' } });
    const retracted = editorial(101, 'EventRetracted', { eventId: assessment.eventId, reason: 'Wrong action' });
    const result = buildSayDoReport('openai', [...events, corrected, retracted], AS_OF, 101)!;
    expect(result.commitments[0].status).toBe('untested');
    expect(result.commitments[0].suggestions[0].action.title).toBe('Corrected title');
    expect(result.retractions).toEqual([expect.objectContaining({ eventId: assessment.eventId, reason: 'Wrong action' })]);
    expect(result.corrections).toEqual([expect.objectContaining({ eventId: dealEvent.eventId })]);
    const timeline = buildTimeline([...events, corrected, retracted]);
    expect(timeline.find((e) => e.type === 'AssessmentRecorded')!.retracted).toMatchObject({ reason: 'Wrong action' });
    expect(timeline.find((e) => e.type === 'ContractSigned')!.data.title).toBe('Corrected title');
  });

  it("lists only the editorial acts on events about the stakeholder or on actions judged against its commitments, not another stakeholder's", () => {
    const events = log(...base, judge('SuggestionDismissed', { rationale: 'Unrelated' }));
    const dismissal = events.find((e) => e.type === 'SuggestionDismissed')!;
    const dealEvent = events.find((e) => e.type === 'ContractSigned')!;
    const retracted: ReportEvent = { ...dismissal, position: 100, eventId: 'e-100', type: 'EventRetracted', data: { eventId: dismissal.eventId, reason: 'Wrong' } };
    const corrected: ReportEvent = { ...dealEvent, position: 101, eventId: 'e-101', type: 'EventCorrected', data: { eventId: dealEvent.eventId, reason: 'Title', data: { ...dealEvent.data, title: 'T' } } };
    const all = [...events, retracted, corrected];
    // the dismissal judged OpenAI's red line against OpenAI's deal: OpenAI's news, and the DoD's (a party to the deal)
    expect(buildSayDoReport('openai', all, AS_OF, 101)!.retractions.map((r) => r.eventId)).toEqual([dismissal.eventId]);
    expect(buildSayDoReport('us-dod', all, AS_OF, 101)!.corrections.map((r) => r.eventId)).toEqual([dealEvent.eventId]);
    // Anthropic's report was handed the same events (as a fold reading judgements of a corrected action would be): none of them is about it
    const anthropic = buildSayDoReport('anthropic', all, AS_OF, 101)!;
    expect(anthropic.retractions).toEqual([]);
    expect(anthropic.corrections).toEqual([]);
  });

  it('moves an action whose counterparty is corrected, with its judgements, from the old counterparty\'s report and timeline to the new one\'s', () => {
    const decided = given(...base, reg('pentagon', 'government'), judge('AssessmentRecorded', { relation: 'strains', rationale: 'r' }));
    const dealId = decided.history.find((e) => e.type === 'ContractSigned')!.eventId;
    const events = log(...base, reg('pentagon', 'government'), judge('AssessmentRecorded', { relation: 'strains', rationale: 'r' }),
      fact('EventCorrected', { eventId: dealId, reason: 'Another buyer', data: { ...deal.data, counterpartyIds: ['pentagon'] } }, '2026-03-09', []));
    const types = (id: string) => buildTimeline(events, id).map((e) => e.type);
    expect(buildSayDoReport('us-dod', events, AS_OF, 99)!.unlinkedActions.map((a) => a.actionId)).toEqual(['anthropic-refusal']);
    expect(types('us-dod')).not.toContain('ContractSigned');
    expect(types('us-dod')).not.toContain('AssessmentRecorded');
    expect(buildSayDoReport('pentagon', events, AS_OF, 99)!.unlinkedActions.map((a) => a.actionId)).toEqual(['dow-deal']);
    expect(types('pentagon')).toEqual(['StakeholderRegistered', 'ContractSigned', 'AssessmentRecorded']);
    // the red line's owner keeps both
    expect(types('openai')).toEqual(expect.arrayContaining(['ContractSigned', 'AssessmentRecorded']));
    expect(buildSayDoReport('openai', events, AS_OF, 99)!.commitments[0].links[0].action.counterpartyIds).toEqual(['pentagon']);
  });

  it('compares two companies on a topic: one strained, one held', () => {
    const openai = report('openai', judge('AssessmentRecorded', { relation: 'strains', rationale: 'r' }));
    const anthropic = report('anthropic', fact('AssessmentRecorded', { commitmentId: 'anthropic-red-line', actionId: 'anthropic-refusal', relation: 'fulfils', rationale: 'r' }, '2026-03-09', []));
    const comparison = compareOnTopic('surveillance', [openai, anthropic], AS_OF, 99);
    expect(comparison.stakeholders.map((s) => [s.stakeholder.stakeholderId, s.commitments.map((c) => c.status)])).toEqual([
      ['anthropic', ['held']],
      ['openai', ['under_strain']],
    ]);
  });

  it('returns null for a stakeholder that is not registered', () => {
    expect(buildSayDoReport('nobody', log(...base), AS_OF, 1)).toBeNull();
  });
});
