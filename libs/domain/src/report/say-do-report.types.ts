import { CommitmentStatus } from '../status/commitment-status';
import { SayDoSummary } from '../status/say-do-summary';
import { EditorialNote } from './editorial-view';
import { Dated } from './report-event';

export interface ReportAction {
  actionId: string;
  type: string;
  title: string;
  stakeholderId: string;
  counterpartyIds: string[];
  topics: string[];
  occurredAt: Dated;
  sources: object[];
  /** The type-specific fields (reason of a departure, figure of a reaction, ...). */
  details: Record<string, unknown>;
}

export interface HistoryEntry {
  type: string;
  occurredAt: Dated;
  /** The words of that moment: the text stated or revised, the statement, the explanation. */
  text?: string;
  disclosure?: string;
  sources: object[];
  position: number;
}

export interface Dispute {
  disputeId: string;
  disputedBy: string;
  grounds: string;
  raisedAt: Dated;
  open: boolean;
  outcome?: string;
  resolution?: string;
}

/** An editor's judgement of one action against the commitment. */
export interface CommitmentLink {
  relation: string;
  rationale: string;
  assessedAt: Dated;
  /** True while a dispute about it is open. */
  contested: boolean;
  disputes: Dispute[];
  /** Earlier relations, when revised. */
  revisions: Array<{ relation: string; rationale: string; at: Dated }>;
  action: ReportAction;
}

/** Found automatically: the actor's action shares topics with its commitment; no editor has judged it yet. */
export interface SuggestedLink {
  relation: 'strains';
  matchingTopics: string[];
  action: ReportAction;
}

export interface CommitmentReport {
  commitmentId: string;
  stakeholderId: string;
  kind: 'pledge' | 'red_line';
  text: string;
  topics: string[];
  dueBy: string | null;
  statedAt: Dated;
  sources: object[];
  status: CommitmentStatus;
  withdrawn: { disclosure: string; at: Dated } | null;
  contested: boolean;
  history: HistoryEntry[];
  links: CommitmentLink[];
  suggestions: SuggestedLink[];
  /** Departures that invoke this commitment. */
  citedBy: ReportAction[];
}

export interface PolicyReport {
  policyId: string;
  title: string;
  summary: string;
  topics: string[];
  publishedAt: Dated;
  sources: object[];
  changes: Array<{ changeType: string; severity: string; description: string; at: Dated; sources: object[] }>;
}

export interface SayDoReport {
  stakeholder: { stakeholderId: string; name: string; kind: string; formerNames: string[] };
  asOf: string;
  position: number;
  commitments: CommitmentReport[];
  /** Actions involving the stakeholder that no editor linked to any of its commitments. */
  unlinkedActions: ReportAction[];
  /** Public reactions about the stakeholder. */
  reactions: ReportAction[];
  policies: PolicyReport[];
  affiliations: Array<{ personId: string; organizationId: string; role: string; from: Dated; until: Dated | null }>;
  retractions: EditorialNote[];
  corrections: EditorialNote[];
  summary: SayDoSummary & {
    suggestions: number;
    openDisputes: number;
    withdrawn: { announced: number; unannounced: number };
  };
}
