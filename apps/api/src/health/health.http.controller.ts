import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PostgresEventStore } from '@saydo/event-store';
import { ReadConsistency } from '../shared/read-consistency';

@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly store: PostgresEventStore,
    private readonly consistency: ReadConsistency,
  ) {}

  /** Database reachable, and how far the read models are behind the log. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      async () => {
        const [head, readModels] = await Promise.all([this.store.head(), this.consistency.readModelPosition()]);
        return this.indicators.check('log').up({ head: head.position, readModels, lag: head.position - readModels });
      },
    ]);
  }
}
