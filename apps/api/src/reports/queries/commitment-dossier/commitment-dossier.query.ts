import { Query } from '@nestjs/cqrs';
import { CommitmentReport, SayDoReport } from '@saydo/domain';
import { ReportTime } from '../stakeholder-report/stakeholder-report.request.dto';

export interface CommitmentDossier {
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
  ) {
    super();
  }
}
