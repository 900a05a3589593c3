import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { reportAtMoment } from '../fold-cache/report-at-moment';
import { StakeholderFoldCache } from '../fold-cache/stakeholder-fold.cache';
import { momentFields, resolveMoment } from '../report-moment';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { StakeholderReportQuery } from './stakeholder-report.query';

@QueryHandler(StakeholderReportQuery)
export class StakeholderReportHandler implements IQueryHandler<StakeholderReportQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly folds: StakeholderFoldCache,
  ) {}

  execute({ stakeholderId, time, beforeFold }: StakeholderReportQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const report = await reportAtMoment(this.folds, manager, stakeholderId, moment, beforeFold);
      return report && { ...report, ...momentFields(moment) };
    });
  }
}
