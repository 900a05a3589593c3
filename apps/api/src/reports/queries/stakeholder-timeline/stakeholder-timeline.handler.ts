import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildTimeline } from '@saydo/domain';
import { StakeholderEntity } from '@saydo/read-models';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { readReportEvents } from '../report-events.reader';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@QueryHandler(StakeholderTimelineQuery)
export class StakeholderTimelineHandler implements IQueryHandler<StakeholderTimelineQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId }: StakeholderTimelineQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      if (!(await manager.exists(StakeholderEntity, { where: { id: stakeholderId } }))) return null;
      const events = (await readReportEvents(manager, stakeholderId, position)).filter((e) => e.subjects.includes(stakeholderId));
      return { stakeholderId, position, entries: buildTimeline(events) };
    });
  }
}
