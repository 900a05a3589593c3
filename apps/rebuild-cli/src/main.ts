import 'reflect-metadata';
import { PostgresEventStore } from '@saydo/event-store';
import { clearReplayProgress, createKafka, kafkaSettings, replayTopic } from '@saydo/messaging';
import { ALL_PROJECTIONS, DEFAULT_REBUILD_BATCH_SIZE, DEFAULT_REBUILD_CACHED_ROWS, formatProgress, ProjectionRebuild, RebuildAlreadyRunningError, RebuildClaim, RebuildNotCoveredError } from '@saydo/read-models';
import { INTERRUPTED_EXIT_CODE, loadConfig, openDatabase, poolOf, resolveDatabase, runCommand } from '@saydo/platform';

const USAGE = `usage: npm run rebuild -- <projection|all> [--from-kafka] [--dry-run] [--fresh] [--batch-size N] [--held-rows N]
  Rebuilds read models from position 0 into shadow tables (<table>_rebuild) while the live
  tables keep serving, prints the commitments whose status would change, then switches in one
  transaction. Killed, it resumes from its checkpoints (rebuild:<name>) when run again.
  projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}
  --from-kafka   read the topic from the beginning (fresh consumer group) instead of the store,
                 up to every partition's high-water mark at the start; resumes what a stopped
                 run applied; switches only if the topic covers the log head
  --dry-run      build and compare, do not switch (the shadow tables are dropped)
  --fresh        drop earlier progress instead of resuming
  --batch-size N events per transaction (default ${DEFAULT_REBUILD_BATCH_SIZE} from the store, 1000 from Kafka)
  --held-rows N  rows per projection held in memory, each written once when the build ends or
                 when more than N are held (default ${DEFAULT_REBUILD_CACHED_ROWS.toLocaleString('en-US')}: a 1M-event log's ~220,000
                 commitments, a few hundred MB); 0 writes each batch's rows with it (slower, least memory)
  --help         this text
  Ctrl-C stops after the batch in progress; run again to resume from where it stopped.
  Only one rebuild of a projection runs at a time: a second one is refused (exit 1).
Uses DATABASE_URL (or the embedded default under SAYDO_DATA_DIR), and KAFKA_* for --from-kafka.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const log = (message: string) => process.stderr.write(`[rebuild] ${message}\n`);

async function main(interrupt: AbortSignal): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const target = args[0];
  const projections = target === 'all' ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => p.name === target);
  if (!target || target.startsWith('--') || projections.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const fromKafka = args.includes('--from-kafka');
  const dryRun = args.includes('--dry-run');
  const batchSizeOption = option(args, 'batch-size');
  const batchSize = Number(batchSizeOption ?? DEFAULT_REBUILD_BATCH_SIZE);
  // Kafka chunks hold whole messages (each up to MAX_EVENT_BYTES): they stay at 1,000 unless told.
  const kafkaChunkSize = Number(batchSizeOption ?? 1000);
  const heldRows = Number(option(args, 'held-rows') ?? DEFAULT_REBUILD_CACHED_ROWS);
  if (!Number.isInteger(heldRows) || heldRows < 0) {
    process.stderr.write(`--held-rows must be a whole number, 0 or more\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const settings = fromKafka ? kafkaSettings(config) : null;
  if (fromKafka && !settings) {
    log('--from-kafka needs KAFKA_BROKERS');
    return 2;
  }
  const database = await resolveDatabase(config, log);
  // One connection holds the rebuild claim for the whole run; four build the shadow tables' keys at once.
  const dataSource = await openDatabase(database.url, { applicationName: 'saydo-rebuild', poolSize: 5 });
  const pool = poolOf(dataSource);
  const store = new PostgresEventStore(pool);
  const rebuild = new ProjectionRebuild(pool, dataSource, store, projections, {
    batchSize,
    cachedRows: heldRows,
    onProgress: (progress) => process.stderr.write(`\r[rebuild] ${formatProgress(progress)}   `),
  });
  let claim: RebuildClaim | null = null;
  try {
    try {
      claim = await RebuildClaim.take(pool, projections.map((p) => p.name));
    } catch (error) {
      if (!(error instanceof RebuildAlreadyRunningError)) throw error;
      log(`refused: ${error.message}`);
      return 1;
    }
    const resumedAt = await rebuild.prepare(args.includes('--fresh'));
    log(`${projections.map((p) => p.name).join(', ')} into ${rebuild.tables.map((t) => t.shadow).join(', ')}${resumedAt > 0 ? `, resuming at ${resumedAt}` : ''}`);
    // Taken before the switch renames the shadow tables (their identity is the key).
    const resumeKey = await rebuild.shadowIdentity();
    if (settings) {
      // A store build interrupted earlier left its append-only tables without keys; the replay's writes need them.
      await rebuild.restoreKeys();
      const head = (await store.head()).position;
      const replay = await replayTopic(createKafka(settings, 'rebuild'), settings, pool, rebuild.shadowApplier, {
        chunkSize: kafkaChunkSize,
        resumeKey,
        shouldStop: () => interrupt.aborted,
        onProgress: ({ messages, target: total, covered }) => process.stderr.write(`\r[rebuild] ${messages}/${total} messages, positions 1..${covered} covered (head ${head})   `),
      });
      process.stderr.write('\n');
      if (replay.interrupted) {
        log(`interrupted after ${replay.messages} messages; run again to resume (the live tables were not switched)`);
        return INTERRUPTED_EXIT_CODE;
      }
      await rebuild.setPosition(replay.covered);
      if (replay.maxPosition > replay.covered) log(`the topic misses positions above ${replay.covered} (highest seen ${replay.maxPosition})`);
    } else {
      const reached = await rebuild.build(() => interrupt.aborted);
      process.stderr.write('\n');
      if (interrupt.aborted) {
        log(`interrupted at position ${reached}; run again to resume (the live tables were not switched)`);
        return INTERRUPTED_EXIT_CODE;
      }
    }
    for (const difference of await rebuild.differences()) {
      log(`${difference.table}: ${difference.onlyLive} rows only live, ${difference.onlyRebuilt} only rebuilt, ${difference.changed} changed`);
    }
    const changes = await rebuild.statusChanges();
    process.stdout.write(`${changes.length} commitment status change(s) between live and rebuilt${changes.length > 0 ? ':' : ''}\n`);
    for (const change of changes) process.stdout.write(`  ${change.id}: ${change.live ?? '(missing)'} -> ${change.rebuilt ?? '(missing)'}\n`);
    if (interrupt.aborted) {
      log(`interrupted before the switch, at position ${await rebuild.position()}; run again to resume (the live tables were not switched)`);
      return INTERRUPTED_EXIT_CODE;
    }
    if (dryRun) {
      await rebuild.discard();
      if (settings) await clearReplayProgress(pool, settings, resumeKey);
      log('dry run: the live tables were not switched');
      return 0;
    }
    try {
      const result = await rebuild.switchOver({ catchUpFromStore: !fromKafka });
      if (settings) await clearReplayProgress(pool, settings, resumeKey);
      log(`switched at position ${result.position} (${result.caughtUp} events caught up in the switch)`);
      return 0;
    } catch (error) {
      if (!(error instanceof RebuildNotCoveredError)) throw error;
      log(`refused to switch: ${error.message}; publish the outbox and run again, or rebuild from the store`);
      return 1;
    }
  } finally {
    await claim?.release();
    await dataSource.destroy();
    await database.stop();
  }
}

runCommand('rebuild', main);
