import { Query } from '@nestjs/cqrs';
import { SayDoReport } from '@saydo/domain';
import { ReportMomentFields } from '../report-moment';
import { ReportTime } from './stakeholder-report.request.dto';
import { BeforeFold } from '../fold-cache/before-fold';

export class StakeholderReportQuery extends Query<(SayDoReport & ReportMomentFields) | null> {
  constructor(
    readonly stakeholderId: string,
    readonly time: ReportTime,
    /** Called before the query reads and folds a history (not when a kept fold serves it): see `enterFold`. */
    readonly beforeFold: BeforeFold = () => undefined,
  ) {
    super();
  }
}
