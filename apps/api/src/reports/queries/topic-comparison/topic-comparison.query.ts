import { Query } from '@nestjs/cqrs';
import { TopicComparison } from '@saydo/domain';
import { ReportMomentFields } from '../report-moment';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';
import { BeforeFold } from '../fold-cache/before-fold';

export class TopicComparisonQuery extends Query<TopicComparison & ReportMomentFields> {
  constructor(
    readonly topic: string,
    readonly time: ReportTime,
    /** Called before the query reads and folds a history (not when a kept fold serves it): see `enterFold`. */
    readonly beforeFold: BeforeFold = () => undefined,
  ) {
    super();
  }
}
