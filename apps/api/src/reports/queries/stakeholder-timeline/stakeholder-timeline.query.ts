import { Query } from '@nestjs/cqrs';
import { TimelineEntry } from '@saydo/domain';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';

export class StakeholderTimelineQuery extends Query<{ stakeholderId: string; position: number; entries: TimelineEntry[] } | null> {
  constructor(
    readonly stakeholderId: string,
    readonly time: ReportTime,
  ) {
    super();
  }
}
