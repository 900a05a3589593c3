import { Module } from '@nestjs/common';
import { AppConfig, ReportCacheObserver } from '@saydo/platform';
import { REPORT_CACHE_OBSERVER } from '../metrics/metrics.tokens';
import { PublishedAnswers } from './http/published-answers';
import { ReportAnswerSources } from './http/report-answer-sources';
import { StakeholderFoldCache } from './queries/fold-cache/stakeholder-fold.cache';
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
  providers: [
    // Half the budget for kept folds, half for serialised answers.
    // Both report their lookups (hits and misses) to the metrics.
    {
      provide: StakeholderFoldCache,
      useFactory: (config: AppConfig, observer: ReportCacheObserver) => new StakeholderFoldCache(Math.floor(config.REPORT_CACHE_MAX_BYTES / 2), observer),
      inject: [AppConfig, REPORT_CACHE_OBSERVER],
    },
    {
      provide: PublishedAnswers,
      useFactory: (config: AppConfig, observer: ReportCacheObserver) => new PublishedAnswers(Math.floor(config.REPORT_CACHE_MAX_BYTES / 2), observer),
      inject: [AppConfig, REPORT_CACHE_OBSERVER],
    },
    ReportAnswerSources,
    StakeholderReportHandler,
    StakeholderTimelineHandler,
    TopicComparisonHandler,
    CommitmentDossierHandler,
  ],
})
export class ReportsModule {}
