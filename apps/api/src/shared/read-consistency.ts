import { Inject, Injectable } from '@nestjs/common';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { ALL_PROJECTIONS, readModelPosition } from '@saydo/read-models';
import { Pool } from 'pg';
import { problems } from '../problems/problem';

const POLL_MS = 20;

/**
 * Bounded waits for `waitForPosition`: the read models (lowest projection checkpoint) or the log
 * itself must reach the position within READ_WAIT_TIMEOUT_MS, else 503 with Retry-After.
 */
@Injectable()
export class ReadConsistency {
  private readonly projectionNames = ALL_PROJECTIONS.map((p) => p.name);

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  readModelPosition(): Promise<number> {
    return readModelPosition(this.pool, this.projectionNames);
  }

  waitForReadModels(position: number | undefined): Promise<void> {
    return this.waitFor(position, () => this.readModelPosition());
  }

  waitForLog(position: number | undefined): Promise<void> {
    return this.waitFor(position, async () => (await this.store.head()).position);
  }

  private async waitFor(position: number | undefined, current: () => Promise<number>): Promise<void> {
    if (position === undefined) return;
    const deadline = Date.now() + this.config.READ_WAIT_TIMEOUT_MS;
    for (;;) {
      const reached = await current();
      if (reached >= position) return;
      if (Date.now() >= deadline) throw problems.readModelBehind(position, reached, 1);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
