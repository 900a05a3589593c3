import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { readReportEvents } from '../report-events.reader';
import { StakeholderReportQuery } from './stakeholder-report.query';

@QueryHandler(StakeholderReportQuery)
export class StakeholderReportHandler implements IQueryHandler<StakeholderReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId, asOf }: StakeholderReportQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) =>
      buildSayDoReport(stakeholderId, await readReportEvents(manager, stakeholderId, position), asOf, position),
    );
  }
}
