import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildSayDoReport, compareOnTopic, SayDoReport } from '@saydo/domain';
import { DataSource } from 'typeorm';
import { stakeholdersCommittedOn } from '../owners';
import { inReadModelSnapshot } from '../read-model-snapshot';
import { readReportEvents } from '../report-events.reader';
import { TopicComparisonQuery } from './topic-comparison.query';

@QueryHandler(TopicComparisonQuery)
export class TopicComparisonHandler implements IQueryHandler<TopicComparisonQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ topic, asOf }: TopicComparisonQuery) {
    return inReadModelSnapshot(this.dataSource, async (manager, position) => {
      const reports: SayDoReport[] = [];
      for (const stakeholderId of await stakeholdersCommittedOn(manager, topic)) {
        const report = buildSayDoReport(stakeholderId, await readReportEvents(manager, stakeholderId, position), asOf, position);
        if (report) reports.push(report);
      }
      return compareOnTopic(topic, reports, asOf, position);
    });
  }
}
