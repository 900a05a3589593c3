import { Query } from '@nestjs/cqrs';
import { TimelineEntry } from '@saydo/domain';
import { ReportMomentFields } from '../report-moment';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';
import { BeforeFold } from '../fold-cache/before-fold';

export type StakeholderTimeline = { stakeholderId: string; position: number; entries: TimelineEntry[] } & ReportMomentFields;

export class StakeholderTimelineQuery extends Query<StakeholderTimeline | null> {
  constructor(
    readonly stakeholderId: string,
    readonly time: ReportTime,
    /** Called before the query reads and folds a history (not when a kept fold serves it): see `enterFold`. */
    readonly beforeFold: BeforeFold = () => undefined,
  ) {
    super();
  }
}
