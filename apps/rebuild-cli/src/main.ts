import 'reflect-metadata';
import { PostgresEventStore } from '@saydo/event-store';
import { createKafka, kafkaSettings, replayTopic } from '@saydo/messaging';
import { ALL_PROJECTIONS, formatProgress, ProjectionRebuild, RebuildNotCoveredError } from '@saydo/read-models';
import { loadConfig, openDatabase, poolOf, resolveDatabase, runCommand } from '@saydo/platform';

const USAGE = `usage: npm run rebuild -- <projection|all> [--from-kafka] [--dry-run] [--fresh] [--batch-size N]
  Rebuilds read models from position 0 into shadow tables (<table>_rebuild) while the live
  tables keep serving, prints the commitments whose status would change, then switches in one
  transaction. Killed, it resumes from its checkpoints (rebuild:<name>) when run again.
  projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}
  --from-kafka   read the topic from the beginning (fresh consumer group) instead of the store;
                 switches only if the topic covers the log head
  --dry-run      build and compare, do not switch (the shadow tables are dropped)
  --fresh        drop earlier progress instead of resuming
Uses DATABASE_URL (or the embedded default under SAYDO_DATA_DIR), and KAFKA_* for --from-kafka.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const log = (message: string) => process.stderr.write(`[rebuild] ${message}\n`);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const target = args[0];
  const projections = target === 'all' ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => p.name === target);
  if (!target || target.startsWith('--') || projections.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const fromKafka = args.includes('--from-kafka');
  const dryRun = args.includes('--dry-run');
  const batchSize = Number(option(args, 'batch-size') ?? 1000);
  const config = loadConfig();
  const settings = fromKafka ? kafkaSettings(config) : null;
  if (fromKafka && !settings) {
    log('--from-kafka needs KAFKA_BROKERS');
    return 2;
  }
  const database = await resolveDatabase(config, log);
  const dataSource = await openDatabase(database.url, { applicationName: 'saydo-rebuild', poolSize: 3 });
  const pool = poolOf(dataSource);
  const store = new PostgresEventStore(pool);
  const rebuild = new ProjectionRebuild(pool, dataSource, store, projections, {
    batchSize,
    onProgress: (progress) => process.stderr.write(`\r[rebuild] ${formatProgress(progress)}   `),
  });
  try {
    const resumedAt = await rebuild.prepare(fromKafka || args.includes('--fresh'));
    log(`${projections.map((p) => p.name).join(', ')} into ${rebuild.tables.map((t) => t.shadow).join(', ')}${resumedAt > 0 ? `, resuming at ${resumedAt}` : ''}`);
    if (settings) {
      const head = (await store.head()).position;
      const replay = await replayTopic(createKafka(settings, 'rebuild'), settings, pool, rebuild.shadowApplier, {
        chunkSize: batchSize,
        onProgress: ({ messages, target: total, covered }) => process.stderr.write(`\r[rebuild] ${messages}/${total} messages, positions 1..${covered} covered (head ${head})   `),
      });
      process.stderr.write('\n');
      await rebuild.setPosition(replay.covered);
      if (replay.maxPosition > replay.covered) log(`the topic misses positions above ${replay.covered} (highest seen ${replay.maxPosition})`);
    } else {
      await rebuild.build();
      process.stderr.write('\n');
    }
    for (const difference of await rebuild.differences()) {
      log(`${difference.table}: ${difference.onlyLive} rows only live, ${difference.onlyRebuilt} only rebuilt, ${difference.changed} changed`);
    }
    const changes = await rebuild.statusChanges();
    process.stdout.write(`${changes.length} commitment status change(s) between live and rebuilt:\n`);
    for (const change of changes) process.stdout.write(`  ${change.id}: ${change.live ?? '(missing)'} -> ${change.rebuilt ?? '(missing)'}\n`);
    if (dryRun) {
      await rebuild.discard();
      log('dry run: the live tables were not switched');
      return 0;
    }
    try {
      const result = await rebuild.switchOver({ catchUpFromStore: !fromKafka });
      log(`switched at position ${result.position} (${result.caughtUp} events caught up in the switch)`);
      return 0;
    } catch (error) {
      if (!(error instanceof RebuildNotCoveredError)) throw error;
      log(`refused to switch: ${error.message}; publish the outbox and run again, or rebuild from the store`);
      return 1;
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

runCommand('rebuild', main);
