import { randomUUID } from 'node:crypto';
import { requirePartialDate } from '@saydo/domain';
import { EventMetadata, NewEvent } from '@saydo/event-store';
import { commitmentText, contractTitle, organisationName, partialDateText, rationale, sources, topics } from './sample-text';
import { SeededRandom } from './seeded-random';

/** One append: the events and, for every stream they touch, the version the writer saw. */
export interface WorkloadBatch {
  events: NewEvent[];
  expectedVersions: Map<string, number>;
}

/** Share of each event type once the world has enough stakeholders to act. */
const MIX = {
  StakeholderRegistered: 3,
  PledgeMade: 16,
  RedLineStated: 6,
  ContractSigned: 24,
  ContractRefused: 6,
  AssessmentRecorded: 45,
} as const;
type EventType = keyof typeof MIX;

const MIN_STAKEHOLDERS = 20;
const STAKEHOLDER_KINDS = ['organization', 'organization', 'organization', 'government', 'person'] as const;

interface Commitment {
  id: string;
  streamId: string;
  stakeholderId: string;
}

interface Action {
  id: string;
  stakeholderId: string;
  counterpartyIds: string[];
}

/**
 * Generates a consistent Saydo history: stakeholders register, make pledges and state red lines,
 * sign or refuse contracts with each other, and editors assess actions against commitments. Every
 * event references things that exist at a lower position, so every projection writes rows, and the
 * generator tracks stream versions so each batch can carry exact expectedVersions.
 */
export class SaydoWorkload {
  private readonly random: SeededRandom;
  private readonly versions = new Map<string, number>();
  private readonly stakeholders: string[] = [];
  private readonly commitments: Commitment[] = [];
  private readonly actions: Action[] = [];
  private readonly actionsByStakeholder = new Map<string, Action[]>();
  private readonly assessedPairs = new Set<string>();
  private sequence = 0;
  readonly counts: Record<EventType, number> = { StakeholderRegistered: 0, PledgeMade: 0, RedLineStated: 0, ContractSigned: 0, ContractRefused: 0, AssessmentRecorded: 0 };

  constructor(seed = 20_251_123) {
    this.random = new SeededRandom(seed);
  }

  batches(count: number, size: number): WorkloadBatch[] {
    return Array.from({ length: count }, () => this.nextBatch(size));
  }

  nextBatch(size: number): WorkloadBatch {
    const events: NewEvent[] = [];
    const expectedVersions = new Map<string, number>();
    for (let i = 0; i < size; i += 1) {
      const event = this.nextEvent();
      const version = this.versions.get(event.streamId) ?? 0;
      if (!expectedVersions.has(event.streamId)) expectedVersions.set(event.streamId, version);
      this.versions.set(event.streamId, version + 1);
      events.push(event);
    }
    return { events, expectedVersions };
  }

  private nextEvent(): NewEvent {
    const type = this.nextType();
    this.counts[type] += 1;
    this.sequence += 1;
    switch (type) {
      case 'StakeholderRegistered':
        return this.stakeholderRegistered();
      case 'PledgeMade':
      case 'RedLineStated':
        return this.commitmentStated(type);
      case 'ContractSigned':
      case 'ContractRefused':
        return this.contract(type);
      case 'AssessmentRecorded':
        return this.assessment();
    }
  }

  private nextType(): EventType {
    if (this.stakeholders.length < MIN_STAKEHOLDERS) return 'StakeholderRegistered';
    const type = this.random.weighted(MIX);
    if (type === 'AssessmentRecorded' && (this.commitments.length === 0 || this.actions.length === 0)) return 'PledgeMade';
    return type;
  }

  private stakeholderRegistered(): NewEvent {
    const name = organisationName(this.random, this.stakeholders.length + 1);
    const stakeholderId = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    this.stakeholders.push(stakeholderId);
    this.actionsByStakeholder.set(stakeholderId, []);
    const data = { stakeholderId, name, kind: this.random.pick(STAKEHOLDER_KINDS) };
    return this.event(`stakeholder-${stakeholderId}`, 'StakeholderRegistered', data, { sources: sources(this.random, 1, name), subjects: [stakeholderId] });
  }

  private commitmentStated(type: 'PledgeMade' | 'RedLineStated'): NewEvent {
    const stakeholderId = this.random.pick(this.stakeholders);
    const commitmentId = `${stakeholderId}-${type === 'PledgeMade' ? 'pledge' : 'redline'}-${this.sequence}`;
    const streamId = `commitment-${commitmentId}`;
    this.commitments.push({ id: commitmentId, streamId, stakeholderId });
    const data: Record<string, unknown> = { commitmentId, stakeholderId, text: commitmentText(this.random, stakeholderId), topics: topics(this.random) };
    if (type === 'PledgeMade' && this.random.next() < 0.4) data.dueBy = `${this.random.int(2025, 2030)}-12`;
    return this.event(streamId, type, data, { sources: sources(this.random, this.random.int(1, 2), stakeholderId), subjects: [stakeholderId] });
  }

  private contract(type: 'ContractSigned' | 'ContractRefused'): NewEvent {
    const stakeholderId = this.random.pick(this.stakeholders);
    const counterpartyIds = this.random.sample(this.stakeholders, this.random.int(1, 3)).filter((id) => id !== stakeholderId);
    if (counterpartyIds.length === 0) counterpartyIds.push(this.stakeholders.find((id) => id !== stakeholderId)!);
    const actionId = `${stakeholderId}-contract-${this.sequence}`;
    const action = { id: actionId, stakeholderId, counterpartyIds };
    this.actions.push(action);
    for (const party of [stakeholderId, ...counterpartyIds]) this.actionsByStakeholder.get(party)!.push(action);
    const topicList = topics(this.random);
    const data = { actionId, stakeholderId, counterpartyIds, title: contractTitle(this.random, topicList[0]), topics: topicList };
    return this.event(`action-${actionId}`, type, data, {
      sources: sources(this.random, this.random.int(1, 3), stakeholderId),
      subjects: [stakeholderId, ...counterpartyIds],
    });
  }

  private assessment(): NewEvent {
    const commitment = this.random.pick(this.commitments);
    const action = this.actionFor(commitment);
    this.assessedPairs.add(`${commitment.id}/${action.id}`);
    const data = {
      commitmentId: commitment.id,
      actionId: action.id,
      relation: this.random.pick(['fulfils', 'partially_fulfils', 'strains', 'contradicts'] as const),
      rationale: rationale(this.random),
    };
    const subjects = [...new Set([commitment.stakeholderId, action.stakeholderId, ...action.counterpartyIds])];
    return this.event(commitment.streamId, 'AssessmentRecorded', data, { sources: sources(this.random, this.random.int(0, 1), commitment.stakeholderId), subjects });
  }

  /** Prefers an action the commitment's owner took part in and that was not assessed against it yet. */
  private actionFor(commitment: Commitment): Action {
    const own = this.actionsByStakeholder.get(commitment.stakeholderId) ?? [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const candidate = own.length > 0 && attempt < 3 ? this.random.pick(own) : this.random.pick(this.actions);
      if (!this.assessedPairs.has(`${commitment.id}/${candidate.id}`)) return candidate;
    }
    return this.random.pick(this.actions);
  }

  private event(streamId: string, type: EventType, data: Record<string, unknown>, metadata: EventMetadata): NewEvent {
    return { eventId: randomUUID(), streamId, type, schemaVersion: 1, data, metadata, occurredAt: requirePartialDate(partialDateText(this.random)) };
  }
}
