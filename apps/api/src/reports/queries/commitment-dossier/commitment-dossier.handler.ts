import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { ownerOfCommitment } from '../owners';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { momentEvents } from '../moment-events';
import { momentFields, resolveMoment } from '../report-moment';
import { CommitmentDossierQuery } from './commitment-dossier.query';

@QueryHandler(CommitmentDossierQuery)
export class CommitmentDossierHandler implements IQueryHandler<CommitmentDossierQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ commitmentId, time }: CommitmentDossierQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const owner = await ownerOfCommitment(manager, commitmentId);
      if (!owner) return null;
      const report = buildSayDoReport(owner, await momentEvents(manager, owner, moment), moment.judgedAt, moment.position);
      const commitment = report?.commitments.find((c) => c.commitmentId === commitmentId);
      if (!report || !commitment) return null;
      // Editorial acts on the owner's record: retracted facts are already left out, corrections applied.
      return { position: moment.position, asOf: moment.judgedAt, ...momentFields(moment), stakeholder: report.stakeholder, commitment, retractions: report.retractions, corrections: report.corrections };
    });
  }
}
