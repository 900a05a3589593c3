import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@saydo/platform';
import { DataSource } from 'typeorm';
import { ApiKeysService } from './api-keys.service';

/**
 * On first start with no key at all, creates the admin key: SAYDO_ADMIN_KEY when set,
 * otherwise a generated one printed once (its hash is all that is kept).
 */
@Injectable()
export class BootstrapAdminKey implements OnApplicationBootstrap {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly keys: ApiKeysService,
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // One process at a time decides, so two instances starting together create one admin key.
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(5730145002)`);
      if ((await manager.query(`SELECT count(*)::int AS n FROM api_keys`))[0].n > 0) return;
      const created = await this.keys.create('bootstrap-admin', 'admin', null, this.config.SAYDO_ADMIN_KEY);
      if (this.config.SAYDO_ADMIN_KEY) this.logger.log('created the admin API key from SAYDO_ADMIN_KEY');
      // Printed once, on purpose: this is the only time the secret exists outside the caller's hands.
      else process.stdout.write(`\n  Saydo admin API key (shown once, store it now): ${created.key}\n\n`);
    });
  }
}
