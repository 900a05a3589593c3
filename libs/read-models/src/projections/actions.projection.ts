import { ActionData, eventTypesOf } from '@saydo/domain';
import { ActionEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

export const actionsProjection: RowProjection<ActionEntity> = {
  name: 'actions',
  entity: ActionEntity,
  // Every "done" event type shares the action fields, so a new one needs nothing here.
  handles: handledTypes(...eventTypesOf('done')),
  rowIdsOf: (event) => [dataOf<ActionData>(event).actionId],
  evolve(_row, event) {
    const data = dataOf<ActionData>(event);
    return {
      id: data.actionId,
      type: event.type,
      stakeholderId: data.stakeholderId,
      counterpartyIds: data.counterpartyIds,
      title: data.title,
      topics: data.topics,
      occurredAt: event.occurredAt,
      occurredPrecision: event.occurredPrecision,
      occurredFrom: event.occurredFrom,
      sources: event.metadata.sources,
      lastPosition: event.position,
    };
  },
};
