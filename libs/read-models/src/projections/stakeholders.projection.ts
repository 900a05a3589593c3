import { StakeholderRegistered } from '@saydo/domain';
import { StakeholderEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

export const stakeholdersProjection: RowProjection<StakeholderEntity> = {
  name: 'stakeholders',
  entity: StakeholderEntity,
  handles: handledTypes('StakeholderRegistered'),
  rowIdsOf: (event) => [dataOf<StakeholderRegistered['data']>(event).stakeholderId],
  evolve(_row, event) {
    const data = dataOf<StakeholderRegistered['data']>(event);
    return {
      id: data.stakeholderId,
      name: data.name,
      kind: data.kind,
      registeredAt: event.occurredAt,
      registeredPrecision: event.occurredPrecision,
      sources: event.metadata.sources,
      lastPosition: event.position,
    };
  },
};
