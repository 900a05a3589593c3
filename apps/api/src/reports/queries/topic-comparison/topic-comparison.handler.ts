import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport, compareOnTopic, SayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { momentEvents } from '../moment-events';
import { stakeholdersCommittedOn } from '../owners';
import { momentFields, resolveMoment } from '../report-moment';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { TopicComparisonQuery } from './topic-comparison.query';

@QueryHandler(TopicComparisonQuery)
export class TopicComparisonHandler implements IQueryHandler<TopicComparisonQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ topic, time }: TopicComparisonQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, readModelPosition) => {
      const moment = await resolveMoment(manager, readModelPosition, time);
      const reports: SayDoReport[] = [];
      for (const stakeholderId of await stakeholdersCommittedOn(manager, topic)) {
        const report = buildSayDoReport(stakeholderId, await momentEvents(manager, stakeholderId, moment), moment.judgedAt, moment.position);
        if (report) reports.push(report);
      }
      return { ...compareOnTopic(topic, reports, moment.judgedAt, moment.position), ...momentFields(moment) };
    });
  }
}
