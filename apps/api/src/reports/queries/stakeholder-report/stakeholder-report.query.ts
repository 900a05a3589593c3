import { Query } from '@nestjs/cqrs';
import { StakeholderReportResponse } from '../../dto/stakeholder-report.response';

export class StakeholderReportQuery extends Query<StakeholderReportResponse | null> {
  constructor(
    readonly stakeholderId: string,
    readonly asOf: string,
  ) {
    super();
  }
}
