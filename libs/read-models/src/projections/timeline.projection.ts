import { SAYDO_EVENT_TYPES } from '@saydo/domain';
import { TimelineEntryEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';

/** One row per (stakeholder, event) for every stakeholder the event is about (its `subjects`). */
export const timelineProjection: RowProjection<TimelineEntryEntity> = {
  name: 'timeline',
  entity: TimelineEntryEntity,
  handles: handledTypes(...SAYDO_EVENT_TYPES),
  rowIdsOf: (event) => event.metadata.subjects.map((stakeholderId) => `${stakeholderId}@${event.position}`),
  evolve(row, event, rowId) {
    if (row) return row;
    return {
      id: rowId,
      stakeholderId: rowId.slice(0, rowId.lastIndexOf('@')),
      position: event.position,
      streamId: event.streamId,
      type: event.type,
      occurredAt: event.occurredAt,
      occurredPrecision: event.occurredPrecision,
      occurredFrom: event.occurredFrom,
      recordedAt: event.recordedAt,
      data: event.data,
      sources: event.metadata.sources,
      lastPosition: event.position,
    };
  },
};
