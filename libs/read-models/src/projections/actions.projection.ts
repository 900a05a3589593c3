import { ContractData } from '@saydo/domain';
import { ActionEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

export const actionsProjection: RowProjection<ActionEntity> = {
  name: 'actions',
  entity: ActionEntity,
  handles: handledTypes('ContractSigned', 'ContractRefused'),
  rowIdsOf: (event) => [dataOf<ContractData>(event).actionId],
  evolve(_row, event) {
    const data = dataOf<ContractData>(event);
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
