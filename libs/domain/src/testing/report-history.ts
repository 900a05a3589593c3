import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { ReportEvent } from '../report/report-event';
import { decideSubmissions } from '../submission/decide-submissions';
import { DecidedEvent, LoadedStream, Submission } from '../submission/submission';
import { A_SOURCE, NOW } from './decider-specification';

export const ORGS = ['o0', 'o1', 'o2', 'o3'];
export const PERSON = 'p0';
const TOPICS = ['t1', 't2', 't3'];
const RELATIONS = ['fulfils', 'partially_fulfils', 'strains', 'contradicts'];
/** Decided with this date; the dates a report sees are drawn afterwards (no rule compares two world dates). */
const DECISION_DATE = '2020';

/** One step of a generated history: what to try, and numbers that pick its targets among what exists. */
export interface HistoryStep {
  kind: (typeof STEP_KINDS)[number];
  i: number;
  j: number;
  k: number;
  topics: string[];
  parties: string[];
  /** A correction also corrects the date. */
  redates: boolean;
}

const STEP_KINDS = [
  'pledge', 'redLine', 'contract', 'refusal', 'departure', 'assess', 'revise', 'dispute', 'resolve', 'dismiss',
  'withdraw', 'reaffirm', 'reword', 'retract', 'correct', 'rename', 'affiliate', 'leave',
] as const;

/** Judgements and editorial acts need something to act on: draw them, and what they need, more often. */
const WEIGHTED = ['pledge', 'redLine', 'contract', 'assess', 'assess', 'revise', 'dispute', 'correct', 'correct'] as const;

export const historySteps = fc.array(
  fc.record({
    kind: fc.constantFrom(...STEP_KINDS, ...WEIGHTED),
    i: fc.nat(60),
    j: fc.nat(60),
    k: fc.nat(60),
    topics: fc.subarray(TOPICS, { minLength: 1 }),
    parties: fc.subarray([...ORGS, PERSON]),
    redates: fc.boolean(),
  }),
  { minLength: 5, maxLength: 50, size: 'medium' },
);

/**
 * Tries each step against the real rules, in order, keeping the ones they accept: a history as
 * the log could hold it (registrations first, then facts, judgements and editorial acts).
 */
export function decideHistory(steps: readonly HistoryStep[]): DecidedEvent[] {
  const loaded = new Map<string, LoadedStream>();
  const history: DecidedEvent[] = [];
  let counter = 0;
  const newEventId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const attempt = (type: string, data: Record<string, unknown>, sources = [A_SOURCE]) => {
    const submission: Submission = { type, data, occurredAt: DECISION_DATE, sources };
    try {
      const [event] = decideSubmissions([submission], { loaded, now: NOW, newEventId }).events;
      const stream = loaded.get(event.streamId) ?? { version: 0, events: [] };
      loaded.set(event.streamId, { version: stream.version + 1, events: [...stream.events, { eventId: event.eventId, type, data, subjects: event.subjects }] });
      history.push(event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  for (const org of ORGS) attempt('StakeholderRegistered', { stakeholderId: org, name: org.toUpperCase(), kind: 'organization' });
  attempt('StakeholderRegistered', { stakeholderId: PERSON, name: 'P', kind: 'person' });

  const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
  steps.forEach((step, n) => {
    const commitments = history.filter((e) => e.type === 'PledgeMade' || e.type === 'RedLineStated').map((e) => String(e.data.commitmentId));
    const actions = history.filter((e) => e.streamId.startsWith('action-')).map((e) => e.data as { actionId: string; stakeholderId: string });
    const commitmentId = pick(commitments, step.i) ?? 'none';
    const actionId = pick(actions, step.j)?.actionId ?? 'none';
    const actor = ORGS[step.i % ORGS.length];
    const action = { stakeholderId: actor, counterpartyIds: step.parties.filter((p) => p !== actor), title: `Deed ${n}`, topics: step.topics };
    switch (step.kind) {
      case 'pledge':
        return attempt('PledgeMade', { commitmentId: `c${n}`, stakeholderId: actor, text: `Pledge ${n}`, topics: step.topics, ...(step.k % 2 ? { dueBy: '2025-06' } : {}) });
      case 'redLine':
        return attempt('RedLineStated', { commitmentId: `c${n}`, stakeholderId: actor, text: `Red line ${n}`, topics: step.topics });
      case 'contract':
        return attempt('ContractSigned', { actionId: `a${n}`, ...action });
      case 'refusal':
        return attempt('ContractRefused', { actionId: `a${n}`, ...action });
      case 'departure':
        return attempt('DepartureAnnounced', {
          actionId: `a${n}`, stakeholderId: PERSON, counterpartyIds: [actor], title: 'Leaves', topics: step.topics, role: 'r', statedReason: 'why', citedCommitmentIds: commitments.length ? [commitmentId] : [],
        });
      case 'assess':
      case 'revise':
        return attempt(step.kind === 'assess' ? 'AssessmentRecorded' : 'AssessmentRevised', { commitmentId, actionId, relation: RELATIONS[step.k % 4], rationale: `r${n}` }, []);
      case 'dispute':
        return attempt('AssessmentDisputed', { commitmentId, actionId, disputeId: `d${step.k % 3}`, disputedBy: 'someone', grounds: 'g' }, []);
      case 'resolve':
        return attempt('DisputeResolved', { commitmentId, disputeId: `d${step.k % 3}`, outcome: ['upheld', 'assessment_revised', 'rejected'][step.j % 3], resolution: 'x' }, []);
      case 'dismiss':
        return attempt('SuggestionDismissed', { commitmentId, actionId, rationale: 'unrelated' }, []);
      case 'withdraw':
        return attempt('CommitmentWithdrawn', { commitmentId, disclosure: step.k % 2 ? 'announced' : 'unannounced' });
      case 'reaffirm':
        return attempt('CommitmentReaffirmed', { commitmentId, statement: `again ${n}` });
      case 'reword':
        return attempt('CommitmentRevised', { commitmentId, text: `Reworded ${n}` });
      case 'rename':
        return attempt('StakeholderRenamed', { stakeholderId: actor, name: `${actor} ${n}` });
      case 'affiliate':
      case 'leave':
        return attempt(step.kind === 'affiliate' ? 'AffiliationStarted' : 'AffiliationEnded', { stakeholderId: PERSON, organizationId: actor, role: 'r' });
      case 'retract':
      case 'correct': {
        const targets = history.filter((e) => !e.type.startsWith('Event'));
        const target = pick(targets, step.k)!;
        if (step.kind === 'retract') return attempt('EventRetracted', { eventId: target.eventId, reason: 'wrong' }, []);
        return attempt('EventCorrected', { eventId: target.eventId, reason: 'wrong', data: corrected(target, step), ...(step.redates ? { occurredAt: DECISION_DATE } : {}) }, []);
      }
    }
  });
  return history;
}

/** The target's data with what a correction may change changed: parties, topics, texts, relations. */
function corrected(target: DecidedEvent, step: HistoryStep): Record<string, unknown> {
  const data = target.data;
  const changes: Record<string, unknown> = {};
  if (Array.isArray(data.counterpartyIds)) changes.counterpartyIds = step.parties.filter((p) => p !== data.stakeholderId);
  if (Array.isArray(data.topics)) changes.topics = step.topics;
  if (typeof data.text === 'string') changes.text = `${data.text} (corrected)`;
  if (typeof data.relation === 'string') changes.relation = RELATIONS[step.j % 4];
  return { ...data, ...changes };
}

/** The decided history as the log would present it, with world dates (occurredAt, corrected dates) from `dateOf`. */
export function asLog(history: readonly DecidedEvent[], dateOf: (index: number) => string): ReportEvent[] {
  return history.map((event, index) => {
    const data = event.type === 'EventCorrected' && event.data.occurredAt ? { ...event.data, occurredAt: dateOf(history.length + index) } : event.data;
    return {
      position: index + 1, eventId: event.eventId, streamId: event.streamId, type: event.type, data, occurredAt: dateOf(index),
      recordedAt: NOW, sources: event.sources, subjects: event.subjects,
    };
  });
}
