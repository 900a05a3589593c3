import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@saydo/platform';
import { DataSource } from 'typeorm';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { DirectoryModule } from './directory/directory.module';
import { ApiKeyGuard } from './auth/api-key.guard';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { PagesModule } from './pages/pages.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { EventPipelineModule } from './projections/event-pipeline.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config, dataSource),
        MetricsModule,
        ApiKeysModule,
        EventsModule,
        ReportsModule,
        DirectoryModule,
        PagesModule,
        AuditModule,
        HealthModule,
        EventPipelineModule,
        RetentionModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    };
  }
}
