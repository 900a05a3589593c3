import { Module } from '@nestjs/common';
import { StakeholderReportHandler } from './queries/stakeholder-report/stakeholder-report.handler';
import { StakeholderReportHttpController } from './queries/stakeholder-report/stakeholder-report.http.controller';
import { StakeholderTimelineHandler } from './queries/stakeholder-timeline/stakeholder-timeline.handler';
import { StakeholderTimelineHttpController } from './queries/stakeholder-timeline/stakeholder-timeline.http.controller';

/** Say-do reports and timelines, read from the read models. */
@Module({
  controllers: [StakeholderReportHttpController, StakeholderTimelineHttpController],
  providers: [StakeholderReportHandler, StakeholderTimelineHandler],
})
export class ReportsModule {}
