import { Query } from '@nestjs/cqrs';
import { SayDoReport } from '@saydo/domain';

export class StakeholderReportQuery extends Query<SayDoReport | null> {
  constructor(
    readonly stakeholderId: string,
    readonly asOf: string,
  ) {
    super();
  }
}
