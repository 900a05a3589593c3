import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ActionEntity, CommitmentEntity, CommitmentLinkEntity, StakeholderEntity } from '@saydo/read-models';
import { DataSource, In } from 'typeorm';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { buildStakeholderReport } from './build-stakeholder-report';
import { StakeholderReportQuery } from './stakeholder-report.query';

@QueryHandler(StakeholderReportQuery)
export class StakeholderReportHandler implements IQueryHandler<StakeholderReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ stakeholderId, asOf }: StakeholderReportQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const stakeholder = await manager.findOne(StakeholderEntity, { where: { id: stakeholderId } });
      if (!stakeholder) return null;
      const commitments = await manager.find(CommitmentEntity, { where: { stakeholderId }, order: { statedFrom: 'ASC', id: 'ASC' } });
      const links = commitments.length ? await manager.find(CommitmentLinkEntity, { where: { commitmentId: In(commitments.map((c) => c.id)) } }) : [];
      const actions = await manager
        .createQueryBuilder(ActionEntity, 'action')
        .where('action.stakeholder_id = :id OR :id = ANY(action.counterparty_ids)', { id: stakeholderId })
        .orWhere('action.id = ANY(:linked)', { linked: links.map((link) => link.actionId) })
        .orderBy('action.occurred_from', 'ASC')
        .addOrderBy('action.id', 'ASC')
        .getMany();
      return buildStakeholderReport({ stakeholder, commitments, links, actions, position }, asOf);
    });
  }
}
