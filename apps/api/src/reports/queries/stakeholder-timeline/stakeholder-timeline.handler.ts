import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildTimeline } from '@saydo/domain';
import { StakeholderEntity } from '@saydo/read-models';
import { DataSource } from 'typeorm';
import { momentEvents } from '../moment-events';
import { momentFields, resolveMoment } from '../report-moment';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { StakeholderTimelineQuery } from './stakeholder-timeline.query';

@QueryHandler(StakeholderTimelineQuery)
export class StakeholderTimelineHandler implements IQueryHandler<StakeholderTimelineQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId, time, beforeFold }: StakeholderTimelineQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      if (!(await manager.exists(StakeholderEntity, { where: { id: stakeholderId } }))) return null;
      const moment = await resolveMoment(manager, readModelPosition, time);
      // The domain keeps the events about the stakeholder as their data now stands (corrections included).
      await beforeFold();
      const events = await momentEvents(manager, stakeholderId, moment);
      return { stakeholderId, position: moment.position, ...momentFields(moment), entries: buildTimeline(events, stakeholderId) };
    });
  }
}
