import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ownerOfCommitment } from '../owners';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { reportAtMoment } from '../fold-cache/report-at-moment';
import { StakeholderFoldCache } from '../fold-cache/stakeholder-fold.cache';
import { momentFields, resolveMoment } from '../report-moment';
import { CommitmentDossierQuery } from './commitment-dossier.query';

@QueryHandler(CommitmentDossierQuery)
export class CommitmentDossierHandler implements IQueryHandler<CommitmentDossierQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly folds: StakeholderFoldCache,
  ) {}

  execute({ commitmentId, time, beforeFold }: CommitmentDossierQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const owner = await ownerOfCommitment(manager, commitmentId);
      if (!owner) return null;
      const report = await reportAtMoment(this.folds, manager, owner, moment, beforeFold);
      const commitment = report?.commitments.find((c) => c.commitmentId === commitmentId);
      if (!report || !commitment) return null;
      // Editorial acts on the owner's record: retracted facts are already left out, corrections applied.
      return { position: moment.position, asOf: moment.judgedAt, ...momentFields(moment), stakeholder: report.stakeholder, commitment, retractions: report.retractions, corrections: report.corrections };
    });
  }
}
