import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppendObserver, PostgresEventStore } from '@saydo/event-store';
import { AppConfig, poolOf } from '@saydo/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APPEND_OBSERVER } from '../metrics/metrics.tokens';
import { ReadConsistency } from '../shared/read-consistency';

/**
 * The process's configuration, its one database connection pool, and the event store on it.
 * The data source is opened (and migrated) by the bootstrap before Nest starts, and closed by it
 * after Nest stopped: it is given as a value, so Nest never closes it under a component still stopping.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        // TypeOrmModule.forFeature's repositories find the data source under this token.
        { provide: DataSource, useValue: dataSource },
        { provide: AppConfig, useValue: config },
        { provide: Pool, useFactory: () => poolOf(dataSource) },
        {
          provide: PostgresEventStore,
          useFactory: (pool: Pool, observer: AppendObserver) =>
            new PostgresEventStore(pool, { maxCommands: config.APPEND_GROUP_MAX_COMMANDS, maxEvents: config.APPEND_GROUP_MAX_EVENTS, maxGroupsInFlight: config.APPEND_GROUPS_IN_FLIGHT }, observer),
          inject: [Pool, APPEND_OBSERVER],
        },
        ReadConsistency,
      ],
      exports: [DataSource, AppConfig, Pool, PostgresEventStore, ReadConsistency],
    };
  }
}
