import { StakeholderRegisteredData } from '@saydo/domain';
import { StakeholderEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

export const stakeholdersProjection: RowProjection<StakeholderEntity> = {
  name: 'stakeholders',
  entity: StakeholderEntity,
  handles: handledTypes('StakeholderRegistered', 'StakeholderRenamed'),
  rowIdsOf: (event) => [dataOf<StakeholderRegisteredData>(event).stakeholderId],
  evolve(row, event) {
    if (event.type === 'StakeholderRenamed') return row && { ...row, name: dataOf<{ name: string }>(event).name };
    const data = dataOf<StakeholderRegisteredData>(event);
    return {
      id: data.stakeholderId,
      name: data.name,
      kind: data.kind,
      registeredAt: event.occurredAt,
      registeredPrecision: event.occurredPrecision,
      lastPosition: event.position,
    };
  },
};
