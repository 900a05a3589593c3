import { eventTypesOf } from '../catalogue/event-catalogue';
import { AssessmentRelation, CommitmentKind } from '../catalogue/vocabulary';
import { commitmentStatus } from '../status/commitment-status';
import { summariseStatuses } from '../status/say-do-summary';
import { applyEditorialActs } from './editorial-view';
import { byOccurrence, dated, ReportEvent } from './report-event';
import { CommitmentLink, CommitmentReport, PolicyReport, ReportAction, SayDoReport } from './say-do-report.types';

const DONE_TYPES = new Set(eventTypesOf('done'));
const ACTION_BASE = new Set(['actionId', 'stakeholderId', 'counterpartyIds', 'title', 'topics']);
/**
 * Actions never suggested as straining the actor's commitments: a reaction, a complaint or a
 * lawsuit is about the stakeholder, not its deed; a departure is a person's; a refusal upholds.
 */
const NEVER_STRAINS = new Set(['PublicReactionObserved', 'DepartureAnnounced', 'ComplaintFiled', 'LawsuitFiled', 'ContractRefused']);

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The say-do report of one stakeholder, folded from the events about it (and the actions its
 * commitments are judged against). Pure: the same events and `asOf` give the same report.
 * Retracted events do not count, corrected ones count as corrected; both are listed.
 */
export function buildSayDoReport(stakeholderId: string, events: readonly ReportEvent[], asOf: string, position: number): SayDoReport | null {
  const { effective, retractions, corrections } = applyEditorialActs(events);
  const ordered = [...effective].sort(byOccurrence);
  const registration = ordered.find((e) => e.type === 'StakeholderRegistered' && e.data.stakeholderId === stakeholderId);
  if (!registration) return null;

  const names = ordered.filter((e) => e.type === 'StakeholderRenamed' && e.data.stakeholderId === stakeholderId).map((e) => String(e.data.name));
  const actions = new Map<string, ReportAction>(ordered.filter((e) => DONE_TYPES.has(e.type)).map((e) => [String(e.data.actionId), toAction(e)]));
  const commitments = new Map<string, CommitmentReport>();
  const links = new Map<string, CommitmentLink>();
  const dismissed = new Set<string>();
  const policies = new Map<string, PolicyReport>();
  const affiliations: SayDoReport['affiliations'] = [];

  for (const event of ordered) {
    const data = event.data as Data;
    const commitment = commitments.get(data.commitmentId);
    const linkKey = `${data.commitmentId}/${data.actionId}`;
    switch (event.type) {
      case 'PledgeMade':
      case 'RedLineStated':
        if (data.stakeholderId !== stakeholderId) break;
        commitments.set(data.commitmentId, {
          commitmentId: data.commitmentId, stakeholderId, kind: event.type === 'PledgeMade' ? 'pledge' : 'red_line', text: data.text, topics: data.topics, dueBy: data.dueBy ?? null,
          statedAt: dated(event.occurredAt), sources: event.sources, status: 'untested', withdrawn: null, contested: false,
          history: [{ type: event.type, occurredAt: dated(event.occurredAt), text: data.text, sources: event.sources, position: event.position }],
          links: [], suggestions: [], citedBy: [],
        });
        break;
      case 'CommitmentReaffirmed':
      case 'CommitmentRevised':
      case 'CommitmentWithdrawn':
        if (!commitment) break;
        commitment.history.push({
          type: event.type, occurredAt: dated(event.occurredAt), text: data.statement ?? data.text ?? data.explanation, disclosure: data.disclosure, sources: event.sources, position: event.position,
        });
        if (event.type === 'CommitmentRevised') commitment.text = data.text;
        if (event.type === 'CommitmentWithdrawn') commitment.withdrawn = { disclosure: data.disclosure, at: dated(event.occurredAt) };
        break;
      case 'AssessmentRecorded':
        if (commitment) links.set(linkKey, { relation: data.relation, rationale: data.rationale, assessedAt: dated(event.occurredAt), contested: false, disputes: [], revisions: [], action: null as never });
        break;
      case 'AssessmentRevised': {
        const link = links.get(linkKey);
        if (!link) break;
        link.revisions.push({ relation: link.relation, rationale: link.rationale, at: link.assessedAt });
        Object.assign(link, { relation: data.relation, rationale: data.rationale, assessedAt: dated(event.occurredAt) });
        break;
      }
      case 'AssessmentDisputed':
        links.get(linkKey)?.disputes.push({ disputeId: data.disputeId, disputedBy: data.disputedBy, grounds: data.grounds, raisedAt: dated(event.occurredAt), open: true });
        break;
      case 'DisputeResolved':
        for (const [key, link] of links) {
          const dispute = key.startsWith(`${data.commitmentId}/`) ? link.disputes.find((d) => d.disputeId === data.disputeId) : undefined;
          if (dispute) Object.assign(dispute, { open: false, outcome: data.outcome, resolution: data.resolution });
        }
        break;
      case 'SuggestionDismissed':
        dismissed.add(linkKey);
        break;
      case 'PolicyPublished':
        if (data.stakeholderId === stakeholderId) {
          policies.set(data.policyId, { policyId: data.policyId, title: data.title, summary: data.summary, topics: data.topics, publishedAt: dated(event.occurredAt), sources: event.sources, changes: [] });
        }
        break;
      case 'PolicyChanged':
        policies.get(data.policyId)?.changes.push({ changeType: data.changeType, severity: data.severity, description: data.description, at: dated(event.occurredAt), sources: event.sources });
        break;
      case 'AffiliationStarted':
        affiliations.push({ personId: data.stakeholderId, organizationId: data.organizationId, role: data.role, from: dated(event.occurredAt), until: null });
        break;
      case 'AffiliationEnded': {
        const open = affiliations.find((a) => a.personId === data.stakeholderId && a.organizationId === data.organizationId && a.role === data.role && !a.until);
        if (open) open.until = dated(event.occurredAt);
        break;
      }
      default:
        break;
    }
  }

  const linkedActionIds = new Set<string>();
  for (const [key, link] of links) {
    const [commitmentId, actionId] = splitKey(key);
    const action = actions.get(actionId);
    const commitment = commitments.get(commitmentId);
    if (!action || !commitment) continue;
    link.action = action;
    link.contested = link.disputes.some((d) => d.open);
    commitment.links.push(link);
    linkedActionIds.add(actionId);
  }

  const involved = (action: ReportAction) => action.stakeholderId === stakeholderId || action.counterpartyIds.includes(stakeholderId);
  for (const commitment of commitments.values()) {
    commitment.links.sort((a, b) => a.action.occurredAt.value.localeCompare(b.action.occurredAt.value));
    commitment.contested = commitment.links.some((link) => link.contested);
    commitment.status = commitmentStatus({ kind: commitment.kind as CommitmentKind, dueBy: commitment.dueBy, relations: commitment.links.map((l) => l.relation as AssessmentRelation) }, asOf);
    commitment.citedBy = [...actions.values()].filter((a) => a.type === 'DepartureAnnounced' && (a.details.citedCommitmentIds as string[]).includes(commitment.commitmentId));
    if (!commitment.withdrawn) {
      commitment.suggestions = [...actions.values()]
        .filter((a) => a.stakeholderId === stakeholderId && !NEVER_STRAINS.has(a.type))
        .filter((a) => !commitment.links.some((l) => l.action.actionId === a.actionId) && !dismissed.has(`${commitment.commitmentId}/${a.actionId}`))
        .map((a) => ({ relation: 'strains' as const, matchingTopics: a.topics.filter((t) => commitment.topics.includes(t)), action: a }))
        .filter((s) => s.matchingTopics.length > 0);
    }
  }

  const list = [...commitments.values()];
  const actionList = [...actions.values()];
  return {
    stakeholder: { stakeholderId, name: names[names.length - 1] ?? String(registration.data.name), kind: String(registration.data.kind), formerNames: names.length ? [String(registration.data.name), ...names.slice(0, -1)] : [] },
    asOf,
    position,
    commitments: list,
    unlinkedActions: actionList.filter((a) => involved(a) && !linkedActionIds.has(a.actionId) && a.type !== 'PublicReactionObserved'),
    reactions: actionList.filter((a) => a.type === 'PublicReactionObserved' && a.stakeholderId === stakeholderId),
    policies: [...policies.values()],
    affiliations,
    retractions,
    corrections,
    summary: {
      ...summariseStatuses(list.map((c) => c.status)),
      suggestions: list.reduce((n, c) => n + c.suggestions.length, 0),
      openDisputes: list.reduce((n, c) => n + c.links.reduce((m, l) => m + l.disputes.filter((d) => d.open).length, 0), 0),
      withdrawn: {
        announced: list.filter((c) => c.withdrawn?.disclosure === 'announced').length,
        unannounced: list.filter((c) => c.withdrawn?.disclosure === 'unannounced').length,
      },
    },
  };
}

function toAction(event: ReportEvent): ReportAction {
  const data = event.data as Data;
  return {
    actionId: data.actionId, type: event.type, title: data.title, stakeholderId: data.stakeholderId, counterpartyIds: data.counterpartyIds, topics: data.topics,
    occurredAt: dated(event.occurredAt), sources: event.sources,
    details: Object.fromEntries(Object.entries(data).filter(([key]) => !ACTION_BASE.has(key))),
  };
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
