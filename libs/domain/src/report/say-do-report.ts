import { eventTypesOf } from '../catalogue/event-catalogue';
import { AssessmentRelation, CommitmentKind } from '../catalogue/vocabulary';
import { CommitmentStatus, commitmentStatus } from '../status/commitment-status';
import { summariseStatuses } from '../status/say-do-summary';
import { applyEditorialActs, EditorialNote } from './editorial-view';
import { concerns } from './effective-subjects';
import { dated, forDisplay, ReportEvent } from './report-event';
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
 *
 * The fold follows the log: an event applies after every event recorded before it, whatever
 * the dates say (a `contradicts` dated "2026-03" still judges a pledge dated 2026-03-05, a
 * withdrawal dated "2026" still withdraws a commitment stated in May 2026). `occurredAt` only
 * orders the lists a reader sees. Which events concern the stakeholder is read from their
 * effective (corrected) data, not from the subjects they were indexed under.
 */
export function buildSayDoReport(stakeholderId: string, events: readonly ReportEvent[], asOf: string, position: number): SayDoReport | null {
  const folded = foldSayDoReport(stakeholderId, events);
  return folded && judgeSayDoReport(folded, asOf, position);
}

/**
 * The report without its judgement instant and position: every status is still `untested`.
 * What `judgeSayDoReport` turns into the report at any instant, cheaply, so a fold can be kept
 * and judged again when only the date moves. Treat it as read-only (judged reports share its parts).
 */
export type FoldedSayDoReport = Omit<SayDoReport, 'asOf' | 'position' | 'summary'>;

/**
 * Each folded commitment's judged copies, by status: judging a kept fold again at another instant
 * gives back the very objects of an earlier judgement for every commitment whose status did not
 * turn, so what was derived from them (their serialised bytes, say) can be kept by identity.
 * Weak: the copies go with the fold.
 */
const JUDGED = new WeakMap<CommitmentReport, Map<CommitmentStatus, CommitmentReport>>();

function judged(commitment: CommitmentReport, status: CommitmentStatus): CommitmentReport {
  let byStatus = JUDGED.get(commitment);
  if (!byStatus) JUDGED.set(commitment, (byStatus = new Map()));
  let copy = byStatus.get(status);
  if (!copy) byStatus.set(status, (copy = { ...commitment, status }));
  return copy;
}

/**
 * The report at `asOf` (due dates) and `position` (echoed) from a kept fold; the fold is not changed.
 * A commitment judged to the same status as before is the same object as before (see `judged`).
 */
export function judgeSayDoReport(folded: FoldedSayDoReport, asOf: string, position: number): SayDoReport {
  const list = folded.commitments.map((commitment) =>
    judged(commitment, commitmentStatus({ kind: commitment.kind as CommitmentKind, dueBy: commitment.dueBy, relations: commitment.links.map((l) => l.relation as AssessmentRelation) }, asOf)),
  );
  const { stakeholder, unlinkedActions, reactions, policies, affiliations, retractions, corrections } = folded;
  return {
    stakeholder,
    asOf,
    position,
    commitments: list,
    unlinkedActions,
    reactions,
    policies,
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

/** The judgement-independent part of the report (see FoldedSayDoReport). */
export function foldSayDoReport(stakeholderId: string, events: readonly ReportEvent[]): FoldedSayDoReport | null {
  const { effective, retractions, corrections } = applyEditorialActs(events);
  const ordered = effective; // log position order
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
        if (data.stakeholderId !== stakeholderId && data.organizationId !== stakeholderId) break;
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
  const actionList = forDisplay([...actions.values()], (a) => a.occurredAt);
  for (const commitment of commitments.values()) {
    commitment.history = forDisplay(commitment.history, (h) => h.occurredAt, (h) => h.position);
    commitment.links = forDisplay(commitment.links, (l) => l.action.occurredAt);
    commitment.contested = commitment.links.some((link) => link.contested);
    commitment.citedBy = actionList.filter((a) => a.type === 'DepartureAnnounced' && (a.details.citedCommitmentIds as string[]).includes(commitment.commitmentId));
    if (!commitment.withdrawn) {
      commitment.suggestions = actionList
        .filter((a) => a.stakeholderId === stakeholderId && !NEVER_STRAINS.has(a.type))
        .filter((a) => !commitment.links.some((l) => l.action.actionId === a.actionId) && !dismissed.has(`${commitment.commitmentId}/${a.actionId}`))
        .map((a) => ({ relation: 'strains' as const, matchingTopics: a.topics.filter((t) => commitment.topics.includes(t)), action: a }))
        .filter((s) => s.matchingTopics.length > 0);
    }
  }

  const notesAbout = editorialNotesAbout(stakeholderId, events, effective, new Set([...links.keys()].map((key) => splitKey(key)[1])));
  const list = forDisplay([...commitments.values()], (c) => c.statedAt, (c) => c.history.find((h) => h.type === 'PledgeMade' || h.type === 'RedLineStated')?.position ?? 0);
  for (const policy of policies.values()) policy.changes = forDisplay(policy.changes, (c) => c.at);
  return {
    stakeholder: { stakeholderId, name: names[names.length - 1] ?? String(registration.data.name), kind: String(registration.data.kind), formerNames: names.length ? [String(registration.data.name), ...names.slice(0, -1)] : [] },
    commitments: list,
    unlinkedActions: actionList.filter((a) => involved(a) && !linkedActionIds.has(a.actionId) && a.type !== 'PublicReactionObserved'),
    reactions: actionList.filter((a) => a.type === 'PublicReactionObserved' && a.stakeholderId === stakeholderId),
    policies: forDisplay([...policies.values()], (p) => p.publishedAt),
    affiliations: forDisplay(affiliations, (a) => a.from),
    retractions: retractions.filter(notesAbout),
    corrections: corrections.filter(notesAbout),
  };
}

/**
 * Which editorial notes belong in the stakeholder's report: those on events about it (as the
 * data stands, see `concerns`) and on the actions its commitments are judged against. The fold
 * reads more than that (every judgement of an action whose parties were corrected, say); a note
 * on one of those, such as the retraction of another stakeholder's dismissal, is not this
 * stakeholder's news.
 */
function editorialNotesAbout(stakeholderId: string, events: readonly ReportEvent[], effective: readonly ReportEvent[], judgedActionIds: ReadonlySet<string>): (note: EditorialNote) => boolean {
  const about = concerns(events, effective, stakeholderId);
  const byId = new Map(events.map((e) => [e.eventId, e]));
  return (note) => {
    const target = byId.get(note.eventId);
    if (!target) return false;
    return about(target) || (DONE_TYPES.has(target.type) && judgedActionIds.has(String(target.data.actionId)));
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
