import { AssessmentRelation, CommitmentKind, commitmentStatus, summariseStatuses } from '@saydo/domain';
import { ActionEntity, CommitmentEntity, CommitmentLinkEntity, StakeholderEntity } from '@saydo/read-models';
import { dated } from '../../dto/dated';
import { ReportAction, StakeholderReportResponse } from '../../dto/stakeholder-report.response';

export interface StakeholderReportRows {
  stakeholder: StakeholderEntity;
  commitments: CommitmentEntity[];
  links: CommitmentLinkEntity[];
  /** Actions involving the stakeholder, and every action linked to its commitments. */
  actions: ActionEntity[];
  position: number;
}

/** Pure assembly of the say-do report from read-model rows; statuses are judged at `asOf`. */
export function buildStakeholderReport(rows: StakeholderReportRows, asOf: string): StakeholderReportResponse {
  const actions = new Map(rows.actions.map((action) => [action.id, toReportAction(action)]));
  const linkedActionIds = new Set(rows.links.map((link) => link.actionId));
  const commitments = rows.commitments.map((commitment) => {
    const links = rows.links
      .filter((link) => link.commitmentId === commitment.id && actions.has(link.actionId))
      .map((link) => ({ relation: link.relation, rationale: link.rationale, assessedAt: dated(link.assessedAt), action: actions.get(link.actionId)! }))
      .sort((a, b) => a.action.occurredAt.value.localeCompare(b.action.occurredAt.value));
    const status = commitmentStatus(
      { kind: commitment.kind as CommitmentKind, dueBy: commitment.dueBy, relations: links.map((link) => link.relation as AssessmentRelation) },
      asOf,
    );
    return {
      commitmentId: commitment.id,
      kind: commitment.kind,
      text: commitment.text,
      topics: commitment.topics,
      dueBy: commitment.dueBy,
      statedAt: dated(commitment.statedAt),
      sources: commitment.sources,
      status,
      links,
    };
  });
  const involves = (action: ActionEntity) => action.stakeholderId === rows.stakeholder.id || action.counterpartyIds.includes(rows.stakeholder.id);
  return {
    stakeholder: { stakeholderId: rows.stakeholder.id, name: rows.stakeholder.name, kind: rows.stakeholder.kind },
    asOf,
    position: rows.position,
    commitments,
    unlinkedActions: rows.actions.filter((action) => involves(action) && !linkedActionIds.has(action.id)).map((action) => actions.get(action.id)!),
    summary: summariseStatuses(commitments.map((c) => c.status)),
  };
}

function toReportAction(action: ActionEntity): ReportAction {
  return {
    actionId: action.id,
    type: action.type,
    title: action.title,
    stakeholderId: action.stakeholderId,
    counterpartyIds: action.counterpartyIds,
    topics: action.topics,
    occurredAt: dated(action.occurredAt),
    sources: action.sources,
  };
}
