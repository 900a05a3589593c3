import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { compareOnTopic, SayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { reportAtMoment } from '../fold-cache/report-at-moment';
import { StakeholderFoldCache } from '../fold-cache/stakeholder-fold.cache';
import { stakeholdersCommittedOn } from '../owners';
import { momentFields, resolveMoment } from '../report-moment';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { TopicComparisonQuery } from './topic-comparison.query';

@QueryHandler(TopicComparisonQuery)
export class TopicComparisonHandler implements IQueryHandler<TopicComparisonQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly folds: StakeholderFoldCache,
  ) {}

  execute({ topic, time, beforeFold }: TopicComparisonQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const reports: SayDoReport[] = [];
      for (const stakeholderId of await stakeholdersCommittedOn(manager, topic)) {
        const report = await reportAtMoment(this.folds, manager, stakeholderId, moment, beforeFold);
        if (report) reports.push(report);
      }
      return { ...compareOnTopic(topic, reports, moment.judgedAt, moment.position), ...momentFields(moment) };
    });
  }
}
