import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { Pool } from 'pg';
import { PipelineWorkers } from '../projections/pipeline-workers';
import { ProblemException } from '../problems/problem';
import { ReadConsistency } from '../shared/read-consistency';

/** A database that has not answered `SELECT 1` within this is reported down (the pool's own connect timeout may be longer). */
const DATABASE_PING_TIMEOUT_MS = 1000;

/**
 * /health/live: the process is up and serving HTTP (touches nothing; a restart is the only cure when it fails).
 * /health/ready: it can serve correctly now: the database answers, the in-process projector and
 * relay have not crashed, and the read models are at most READY_MAX_LAG_EVENTS behind the log.
 * A relay that cannot reach the broker is `degraded` (200: writes are still accepted, the outbox
 * grows). /health is ready's alias, kept for existing probes.
 */
// Probes are not clients: a load balancer asking every second must never be told 429.
@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly consistency: ReadConsistency,
    private readonly workers: PipelineWorkers,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get()
  check(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  private async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database(), () => this.lag(), ...this.workers.statuses().map((status) => () => this.worker(status))]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      throw new ProblemException(
        'not-ready',
        'Not ready to serve',
        503,
        `down: ${down.join(', ')}`,
        { down, info: result.info, error: result.error, details: result.details },
        { 'Retry-After': '2' },
      );
    }
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      await withTimeout(this.pool.query('SELECT 1'), DATABASE_PING_TIMEOUT_MS);
      return check.up();
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  /** How far the read models are behind the log (`log` is the key the health answer always had). */
  private async lag(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('log');
    try {
      const [head, readModels] = await withTimeout(Promise.all([this.store.head(), this.consistency.readModelPosition()]), DATABASE_PING_TIMEOUT_MS);
      const lag = head.position - readModels;
      const details = { head: head.position, readModels, lag, maxLag: this.config.READY_MAX_LAG_EVENTS };
      return lag > this.config.READY_MAX_LAG_EVENTS ? check.down(details) : check.up(details);
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  private worker(status: ReturnType<PipelineWorkers['statuses']>[number]): HealthIndicatorResult {
    const check = this.indicators.check(status.name);
    const { state, since, restarts, lastError } = status;
    const details = { state, since, restarts, ...(lastError ? { lastError } : {}) };
    if (state === 'running') return check.up(details);
    if (state === 'degraded') return check.degraded(details);
    return check.down(details);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  // The loser may still settle later; its rejection must not go unheard.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
