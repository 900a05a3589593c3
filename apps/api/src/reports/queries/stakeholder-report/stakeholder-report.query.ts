import { Query } from '@nestjs/cqrs';
import { SayDoReport } from '@saydo/domain';
import { ReportTime } from './stakeholder-report.request.dto';

export class StakeholderReportQuery extends Query<SayDoReport | null> {
  constructor(
    readonly stakeholderId: string,
    readonly time: ReportTime,
  ) {
    super();
  }
}
