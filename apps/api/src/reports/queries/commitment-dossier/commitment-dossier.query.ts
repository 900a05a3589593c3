import { Query } from '@nestjs/cqrs';
import { CommitmentReport, SayDoReport } from '@saydo/domain';
import { ReportMomentFields } from '../report-moment';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';
import { BeforeFold } from '../fold-cache/before-fold';

export interface CommitmentDossier extends ReportMomentFields {
  position: number;
  asOf: string;
  stakeholder: SayDoReport['stakeholder'];
  commitment: CommitmentReport;
  /** Editorial acts on the owner's record (the dossier already leaves retracted facts out and shows corrections). */
  retractions: SayDoReport['retractions'];
  corrections: SayDoReport['corrections'];
}

export class CommitmentDossierQuery extends Query<CommitmentDossier | null> {
  constructor(
    readonly commitmentId: string,
    readonly time: ReportTime,
    /** Called before the query reads and folds a history (not when a kept fold serves it): see `enterFold`. */
    readonly beforeFold: BeforeFold = () => undefined,
  ) {
    super();
  }
}
