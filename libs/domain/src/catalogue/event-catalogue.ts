import { ActionEvent } from '../action/action.events';
import { CommitmentEvent } from '../commitment/commitment.events';
import { StakeholderEvent } from '../stakeholder/stakeholder.events';
import { StreamCategory, streamIdOf } from './stream-ids';

export type SaydoEvent = StakeholderEvent | CommitmentEvent | ActionEvent;
export type SaydoEventType = SaydoEvent['type'];
export type EventOfType<T extends SaydoEventType> = Extract<SaydoEvent, { type: T }>;

/** Who may submit an event: facts are for contributors, judgements for editors. */
export type WriterRole = 'contributor' | 'editor';

export interface EventTypeInfo<T extends SaydoEventType = SaydoEventType> {
  type: T;
  schemaVersion: number;
  category: StreamCategory;
  requiredRole: WriterRole;
  /** The stream the event belongs to, derived from its data. */
  streamId(data: EventOfType<T>['data']): string;
  description: string;
}

type Catalogue = { [T in SaydoEventType]: EventTypeInfo<T> };

/** The single registry of event types: names, versions, streams and who may write them. */
export const EVENT_CATALOGUE: Catalogue = {
  StakeholderRegistered: {
    type: 'StakeholderRegistered', schemaVersion: 1, category: 'stakeholder', requiredRole: 'contributor',
    streamId: (data) => streamIdOf('stakeholder', data.stakeholderId),
    description: 'A company, person or public body enters the record under a slug the client chooses.',
  },
  PledgeMade: {
    type: 'PledgeMade', schemaVersion: 1, category: 'commitment', requiredRole: 'contributor',
    streamId: (data) => streamIdOf('commitment', data.commitmentId),
    description: 'A stakeholder said it would do something, optionally by a date.',
  },
  RedLineStated: {
    type: 'RedLineStated', schemaVersion: 1, category: 'commitment', requiredRole: 'contributor',
    streamId: (data) => streamIdOf('commitment', data.commitmentId),
    description: 'A stakeholder said it would never do something.',
  },
  ContractSigned: {
    type: 'ContractSigned', schemaVersion: 1, category: 'action', requiredRole: 'contributor',
    streamId: (data) => streamIdOf('action', data.actionId),
    description: 'A stakeholder signed a contract with counterparties.',
  },
  ContractRefused: {
    type: 'ContractRefused', schemaVersion: 1, category: 'action', requiredRole: 'contributor',
    streamId: (data) => streamIdOf('action', data.actionId),
    description: 'A stakeholder refused a contract offered by counterparties.',
  },
  AssessmentRecorded: {
    type: 'AssessmentRecorded', schemaVersion: 1, category: 'commitment', requiredRole: 'editor',
    streamId: (data) => streamIdOf('commitment', data.commitmentId),
    description: 'An editor judged how an action bears on a commitment (fulfils, partially fulfils, strains, contradicts).',
  },
};

export const SAYDO_EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as SaydoEventType[];

export function isSaydoEventType(type: string): type is SaydoEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

export function eventTypeInfo<T extends SaydoEventType>(type: T): EventTypeInfo<T> {
  return EVENT_CATALOGUE[type] as EventTypeInfo<T>;
}
