import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StakeholderEntity, TimelineEntryEntity } from '@saydo/read-models';
import { DataSource } from 'typeorm';
import { dated } from '../../dto/dated';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@QueryHandler(StakeholderTimelineQuery)
export class StakeholderTimelineHandler implements IQueryHandler<StakeholderTimelineQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId }: StakeholderTimelineQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      if (!(await manager.exists(StakeholderEntity, { where: { id: stakeholderId } }))) return null;
      const rows = await manager.find(TimelineEntryEntity, { where: { stakeholderId }, order: { occurredFrom: 'ASC', position: 'ASC' } });
      return {
        stakeholderId,
        position,
        entries: rows.map((row) => ({
          position: row.position,
          type: row.type,
          streamId: row.streamId,
          occurredAt: dated(row.occurredAt),
          recordedAt: new Date(row.recordedAt).toISOString(),
          data: row.data,
          sources: row.sources,
        })),
      };
    });
  }
}
