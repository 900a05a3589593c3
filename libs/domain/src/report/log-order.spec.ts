import fc from 'fast-check';
import { requirePartialDate } from '../shared/partial-date';
import { fact, given, NOW } from '../testing/decider-specification';
import { asLog, decideHistory, historySteps, ORGS, PERSON } from '../testing/report-history';
import { ReportEvent } from './report-event';
import { buildSayDoReport } from './say-do-report';
import { happenedBy } from './time-axes';
import { buildTimeline } from './timeline';
import { compareOnTopic } from './topic-comparison';
import { Submission } from '../submission/submission';

const JUDGED_AT = '2026-03-10T00:00:00.000Z';
const reg = (id: string) => fact('StakeholderRegistered', { stakeholderId: id, name: id, kind: 'organization' }, '2015');
const deal = fact('ContractSigned', { actionId: 'deal', stakeholderId: 'acme', counterpartyIds: ['gov'], title: 'Deal', topics: ['climate'] }, '2026-03-02');

/** Decides the facts with the real rules, in this order, and numbers them as the log does. */
function log(...facts: Submission[]): ReportEvent[] {
  return asLog(given(...facts).history, () => '2020');
}
function dated(events: ReportEvent[], ...dates: string[]): ReportEvent[] {
  return events.map((e, i) => ({ ...e, occurredAt: dates[i] ?? e.occurredAt }));
}

describe('the fold follows the log, not the world dates', () => {
  it("applies a 'contradicts' dated 2026-03 to a pledge dated 2026-03-05: broken, and no stale suggestion", () => {
    const pledge = fact('PledgeMade', { commitmentId: 'p', stakeholderId: 'acme', text: 'Clean', topics: ['climate'] });
    const verdict = fact('AssessmentRecorded', { commitmentId: 'p', actionId: 'deal', relation: 'contradicts', rationale: 'r' }, '2026-03', []);
    const events = dated(log(reg('acme'), reg('gov'), deal, pledge, verdict), '2015', '2015', '2026-03-02', '2026-03-05', '2026-03');
    const [commitment] = buildSayDoReport('acme', events, JUDGED_AT, 5)!.commitments;
    expect(commitment.status).toBe('broken');
    expect(commitment.links.map((l) => [l.action.actionId, l.relation])).toEqual([['deal', 'contradicts']]);
    expect(commitment.suggestions).toEqual([]);
  });

  it('withdraws a commitment stated 2025-05 by a withdrawal dated 2025', () => {
    const stated = fact('RedLineStated', { commitmentId: 'r', stakeholderId: 'acme', text: 'Never', topics: ['climate'] });
    const withdrawn = fact('CommitmentWithdrawn', { commitmentId: 'r', disclosure: 'unannounced' });
    const events = dated(log(reg('acme'), reg('gov'), deal, stated, withdrawn), '2015', '2015', '2026-03-02', '2025-05', '2025');
    const report = buildSayDoReport('acme', events, JUDGED_AT, 5)!;
    expect(report.commitments[0].withdrawn).toEqual({ disclosure: 'unannounced', at: expect.objectContaining({ value: '2025', precision: 'year' }) });
    expect(report.commitments[0].suggestions).toEqual([]);
    expect(report.summary.withdrawn).toEqual({ announced: 0, unannounced: 1 });
    // The display still orders the history by date, coarser first.
    expect(report.commitments[0].history.map((h) => h.type)).toEqual(['CommitmentWithdrawn', 'RedLineStated']);
  });
});

/** What a report asserts, with every date replaced by a placeholder and every list in a canonical order. */
function verdict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(verdict).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') {
    if ('precision' in value && 'label' in value) return 'a date';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, verdict(v)]));
  }
  return value;
}

/** Every answer the folds give on a log: each stakeholder's report and timeline, each topic's comparison. */
function answers(events: ReportEvent[], judgedAt: string) {
  const reports = [...ORGS, PERSON].map((id) => buildSayDoReport(id, events, judgedAt, events.length)).filter((r) => r !== null);
  return verdict({
    reports,
    timelines: [...ORGS, PERSON].map((id) => buildTimeline(events, id)),
    comparisons: ['t1', 't2', 't3'].map((topic) => compareOnTopic(topic, reports, judgedAt, events.length)),
  });
}

type Draw = (i: number) => number;
/** Reproducible draws from one seed (fast-check shrinks the seed, and prints it short). */
function draws(seed: number): Draw {
  return (i) => {
    let t = (seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PRECISIONS = [4, 7, 10, 24]; // year, month, day, instant
/** The i-th world date of a random precision inside [from, to): truncated when its whole interval fits, else the instant. */
function worldDate(draw: Draw, i: number, from: string, to: string): string {
  const instant = new Date(Date.parse(from) + Math.floor(draw(2 * i) * (Date.parse(to) - Date.parse(from)))).toISOString();
  const value = instant.slice(0, PRECISIONS[Math.floor(draw(2 * i + 1) * 4)]);
  return requirePartialDate(value).end <= new Date(to).toISOString() ? value : instant;
}
const seed = fc.integer();

describe('statuses, links and suggestions depend on the log order alone (property)', () => {
  it('any world dates, of any precision, give the same verdicts', () => {
    fc.assert(
      fc.property(historySteps, seed, seed, (steps, first, second) => {
        const history = decideHistory(steps);
        const at = (s: number) => (i: number) => worldDate(draws(s), i, '2000-01-01', NOW);
        expect(answers(asLog(history, at(second)), JUDGED_AT)).toEqual(answers(asLog(history, at(first)), JUDGED_AT));
      }),
      { numRuns: 100 },
    );
  });

  it('asOf: only what had happened by then counts, whatever the dates on either side', () => {
    const asOf = requirePartialDate('2024-06');
    fc.assert(
      fc.property(historySteps, seed, seed, seed, (steps, sides, first, second) => {
        const history = decideHistory(steps);
        const happened = (i: number) => draws(sides)(i) < 0.5;
        const at = (s: number) => (i: number) => (happened(i) ? worldDate(draws(s), i, '2000-01-01', asOf.end) : worldDate(draws(s), i, asOf.end, NOW));
        const seen = (s: number) => answers(happenedBy(asLog(history, at(s)), asOf), asOf.end);
        expect(seen(second)).toEqual(seen(first));
      }),
      { numRuns: 100 },
    );
  });
});
