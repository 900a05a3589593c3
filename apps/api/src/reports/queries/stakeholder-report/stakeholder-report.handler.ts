import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { momentEvents } from '../moment-events';
import { momentFields, resolveMoment } from '../report-moment';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { StakeholderReportQuery } from './stakeholder-report.query';

@QueryHandler(StakeholderReportQuery)
export class StakeholderReportHandler implements IQueryHandler<StakeholderReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId, time }: StakeholderReportQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const report = buildSayDoReport(stakeholderId, await momentEvents(manager, stakeholderId, moment), moment.judgedAt, moment.position);
      return report && { ...report, ...momentFields(moment) };
    });
  }
}
