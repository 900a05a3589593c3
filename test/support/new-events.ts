import { randomUUID } from 'node:crypto';
import { requirePartialDate } from '@saydo/domain';
import { NewEvent } from '@saydo/event-store';

/** A plain StakeholderRegistered event for store-level tests (the store does not interpret data). */
export function stakeholderRegistered(stakeholderId: string, occurredAt = '2025-04'): NewEvent {
  return {
    eventId: randomUUID(),
    streamId: `stakeholder-${stakeholderId}`,
    type: 'StakeholderRegistered',
    schemaVersion: 1,
    data: { stakeholderId, name: stakeholderId.toUpperCase(), kind: 'organization' },
    metadata: { sources: [], subjects: [stakeholderId] },
    occurredAt: requirePartialDate(occurredAt),
  };
}

export function eventOn(streamId: string, type = 'Noted', data: Record<string, unknown> = {}): NewEvent {
  return { ...stakeholderRegistered('x'), streamId, type, data, metadata: { sources: [], subjects: [] } };
}
