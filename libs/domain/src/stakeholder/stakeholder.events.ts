import { DomainEvent } from '../shared/domain-event';

export const STAKEHOLDER_KINDS = ['organization', 'person', 'government'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export type StakeholderRegistered = DomainEvent<'StakeholderRegistered', { stakeholderId: string; name: string; kind: StakeholderKind }>;

export type StakeholderEvent = StakeholderRegistered;
