import { Module } from '@nestjs/common';
import { CommitmentDossierHandler } from './queries/commitment-dossier/commitment-dossier.handler';
import { CommitmentDossierHttpController } from './queries/commitment-dossier/commitment-dossier.http.controller';
import { StakeholderReportHandler } from './queries/stakeholder-report/stakeholder-report.handler';
import { StakeholderReportHttpController } from './queries/stakeholder-report/stakeholder-report.http.controller';
import { StakeholderTimelineHandler } from './queries/stakeholder-timeline/stakeholder-timeline.handler';
import { StakeholderTimelineHttpController } from './queries/stakeholder-timeline/stakeholder-timeline.http.controller';
import { TopicComparisonHandler } from './queries/topic-comparison/topic-comparison.handler';
import { TopicComparisonHttpController } from './queries/topic-comparison/topic-comparison.http.controller';

/** Say-do reports, timelines, topic comparisons and commitment dossiers, folded by the domain. */
@Module({
  controllers: [StakeholderReportHttpController, StakeholderTimelineHttpController, TopicComparisonHttpController, CommitmentDossierHttpController],
  providers: [StakeholderReportHandler, StakeholderTimelineHandler, TopicComparisonHandler, CommitmentDossierHandler],
})
export class ReportsModule {}
