import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { ownerOfCommitment } from '../owners';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { readReportEvents } from '../report-events.reader';
import { CommitmentDossierQuery } from './commitment-dossier.query';

@QueryHandler(CommitmentDossierQuery)
export class CommitmentDossierHandler implements IQueryHandler<CommitmentDossierQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ commitmentId, asOf }: CommitmentDossierQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const owner = await ownerOfCommitment(manager, commitmentId);
      if (!owner) return null;
      const report = buildSayDoReport(owner, await readReportEvents(manager, owner, position), asOf, position);
      const commitment = report?.commitments.find((c) => c.commitmentId === commitmentId);
      if (!report || !commitment) return null;
      // Editorial acts on the owner's record: retracted facts are already left out, corrections applied.
      return { position, asOf, stakeholder: report.stakeholder, commitment, retractions: report.retractions, corrections: report.corrections };
    });
  }
}
