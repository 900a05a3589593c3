import { SAYDO_EVENT_TYPES } from '@saydo/domain';
import { TimelineEntryEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { correctionTarget, correctionTargetId } from './correction-target';

const rowId = (stakeholderId: string, position: number) => `${stakeholderId}@${position}`;

/**
 * The index of what each stakeholder's reports read: one row per (stakeholder, event) for every
 * stakeholder the event is about (its `subjects`). A correction that names new stakeholders (a
 * counterparty corrected from B to C) also indexes the corrected event under them. The index
 * only grows and its rows never change (written once, no read before the write): a report
 * pinned before the correction must still find the original, and the domain's fold decides from
 * the data as it stood whether an event concerns the stakeholder.
 */
export const timelineProjection: RowProjection<TimelineEntryEntity> = {
  name: 'timeline',
  entity: TimelineEntryEntity,
  handles: handledTypes(...SAYDO_EVENT_TYPES),
  writeOnce: true,
  referencedEventIds: correctionTargetId,
  rowIdsOf(event, referenced) {
    const own = event.metadata.subjects.map((stakeholderId) => rowId(stakeholderId, event.position));
    const target = correctionTarget(event, referenced);
    if (!target) return own;
    const newcomers = event.metadata.subjects.filter((stakeholderId) => !target.metadata.subjects.includes(stakeholderId));
    return [...own, ...newcomers.map((stakeholderId) => rowId(stakeholderId, target.position))];
  },
  evolve(_row, event, id) {
    const at = id.lastIndexOf('@');
    return { id, stakeholderId: id.slice(0, at), position: Number(id.slice(at + 1)), lastPosition: event.position };
  },
};
