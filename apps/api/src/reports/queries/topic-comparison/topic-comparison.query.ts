import { Query } from '@nestjs/cqrs';
import { TopicComparison } from '@saydo/domain';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';

export class TopicComparisonQuery extends Query<TopicComparison> {
  constructor(
    readonly topic: string,
    readonly time: ReportTime,
  ) {
    super();
  }
}
