import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig, poolOf } from '@saydo/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ReadConsistency } from '../shared/read-consistency';

/**
 * The process's configuration, its one database connection pool, and the event store on it.
 * The data source is opened (and migrated) by the bootstrap before Nest starts.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource })],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Pool, useFactory: () => poolOf(dataSource) },
        { provide: PostgresEventStore, useFactory: (pool: Pool) => new PostgresEventStore(pool), inject: [Pool] },
        ReadConsistency,
      ],
      exports: [AppConfig, Pool, PostgresEventStore, ReadConsistency],
    };
  }
}
