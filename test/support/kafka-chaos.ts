import { randomInt } from 'node:crypto';
import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { KafkaSettings } from '@saydo/messaging';
import { readModelPosition } from '@saydo/read-models';
import { Pool } from 'pg';
import { ChildService, sleep } from './child-service';
import { TopicMirror } from './topic-mirror';

/** A small seeded PRNG (mulberry32): the same seed gives the same schedule of sizes, pauses and kills. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
}

/** SAYDO_CHAOS_SEED replays a run (the schedule, not the machine's timing); otherwise a fresh seed. */
export function chaosSeed(): number {
  const given = process.env.SAYDO_CHAOS_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`SAYDO_CHAOS_SEED must be a non-negative integer, got ${given}`);
    return seed;
  }
  return randomInt(1, 2 ** 31);
}

/**
 * Times of `count` events spread over [from, to) ms, sorted, at least `gap` ms apart (when they fit).
 */
export function scheduleTimes(random: SeededRandom, count: number, from: number, to: number, gap: number): number[] {
  const slot = (to - from) / count;
  return Array.from({ length: count }, (_, i) => from + i * slot + random.between(0, Math.max(0, slot - gap)));
}

export interface AppendProgress {
  appended: number;
  batches: number;
  /** Resolves after the next append commits. */
  next(): Promise<void>;
}

/**
 * Appends events through the store in random-sized batches, paced to take about `durationMs`,
 * the way many API requests would. `progress.next()` lets chaos act right after a commit.
 */
export function appendPaced(
  store: PostgresEventStore,
  events: readonly NewEvent[],
  options: { random: SeededRandom; minBatch: number; maxBatch: number; durationMs: number; onBatch?: (appended: number) => void },
): { progress: AppendProgress; done: Promise<void> } {
  let waiters: Array<() => void> = [];
  let finished = false;
  const progress: AppendProgress = {
    appended: 0,
    batches: 0,
    next: () => (finished ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
  const done = (async () => {
    const started = Date.now();
    try {
      while (progress.appended < events.length) {
        const size = options.random.int(options.minBatch, options.maxBatch);
        const batch = events.slice(progress.appended, progress.appended + size);
        await store.append(batch, { principal: 'chaos-test', expectedVersions: new Map() });
        progress.appended += batch.length;
        progress.batches += 1;
        options.onBatch?.(progress.appended);
        const wake = waiters;
        waiters = [];
        wake.forEach((resolve) => resolve());
        const due = started + (options.durationMs * progress.appended) / events.length;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    } finally {
      // Nobody waits forever on an append that will not come.
      finished = true;
      waiters.forEach((resolve) => resolve());
      waiters = [];
    }
  })();
  return { progress, done };
}

/**
 * The projector's PostgreSQL session that is inside a transaction and waiting on its client:
 * with the projector frozen (SIGSTOP), that means it stopped in the middle of applying a chunk.
 * With several projectors, `clientPorts` (ChildService.localTcpPorts) picks one process's sessions.
 */
export async function openProjectorTransaction(pool: Pool, clientPorts?: ReadonlySet<number>): Promise<{ pid: number; query: string } | null> {
  const { rows } = await pool.query<{ pid: number; query: string; client_port: number }>(
    `SELECT pid, query, client_port FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = 'saydo-projector' AND state = 'idle in transaction'`,
  );
  return rows.find((row) => !clientPorts || clientPorts.has(row.client_port)) ?? null;
}

/** How many PostgreSQL sessions a service (by application name) holds on this database. */
export async function sessionsOf(pool: Pool, applicationName: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
    applicationName,
  ]);
  return rows[0].n;
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, detail: () => Promise<string> | string = () => ''): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not reached within ${timeoutMs} ms\n${await detail()}`);
    await sleep(100);
  }
  return Date.now() - started;
}

export interface PartitionCheckpointRow {
  partition: number;
  nextOffset: number;
  maxPosition: number;
}

export interface PipelineState {
  head: number;
  readModelPosition: number;
  unpublished: number;
  positionsAhead: number;
  checkpoints: PartitionCheckpointRow[];
  highWatermarks: Map<number, number>;
}

export async function pipelineState(pool: Pool, settings: KafkaSettings, mirror: TopicMirror, projectionNames: readonly string[]): Promise<PipelineState> {
  const head = (await new PostgresEventStore(pool).head()).position;
  const unpublished = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).rows[0].n;
  const positionsAhead = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM projection_positions_ahead')).rows[0].n;
  const { rows } = await pool.query<{ partition: number; next_offset: string; max_position: string }>(
    'SELECT partition, next_offset, max_position FROM kafka_partition_checkpoints WHERE group_id = $1 AND topic = $2 ORDER BY partition',
    [settings.projectorGroup, settings.topic],
  );
  return {
    head,
    readModelPosition: await readModelPosition(pool, projectionNames),
    unpublished,
    positionsAhead,
    checkpoints: rows.map((row) => ({ partition: row.partition, nextOffset: Number(row.next_offset), maxPosition: Number(row.max_position) })),
    highWatermarks: await mirror.highWatermarks(),
  };
}

/** Everything is published, projected up to the head, and every message of every partition consumed. */
export function drained(state: PipelineState): boolean {
  if (state.unpublished > 0 || state.readModelPosition !== state.head) return false;
  return [...state.highWatermarks].every(([partition, high]) => high === 0 || state.checkpoints.find((c) => c.partition === partition)?.nextOffset === high);
}

export function describeState(state: PipelineState): string {
  const highs = [...state.highWatermarks].map(([p, h]) => `${p}:${h}`).join(' ');
  const checkpoints = state.checkpoints.map((c) => `${c.partition}:${c.nextOffset}/${c.maxPosition}`).join(' ');
  return `head ${state.head}, read models at ${state.readModelPosition}, unpublished ${state.unpublished}, positions ahead ${state.positionsAhead}; high watermarks ${highs}; checkpoints (next offset/max position) ${checkpoints}`;
}

export interface TopicAudit {
  messages: number;
  events: number;
  /** Messages beyond one per event: re-sends by a relay that crashed between the broker's ack and marking the rows. */
  resent: number;
  /** Everything that contradicts the projector's assumptions about the topic (expected: none). */
  violations: string[];
  /** Per partition: distinct positions, highest position, high watermark. */
  partitions: Map<number, { distinct: number; maxPosition: number; messages: number }>;
}

/**
 * Checks the topic against the store: every event is in it, each message is a faithful copy of
 * its event, a stream stays on one partition, and within a partition each event first appears
 * after every lower position of that partition (so "position <= the partition's highest applied
 * position" identifies a re-send, as KafkaProjector assumes).
 */
export async function auditTopic(pool: Pool, mirror: TopicMirror): Promise<TopicAudit> {
  const store = new PostgresEventStore(pool);
  const events = new Map<number, { eventId: string; hash: string; streamId: string }>();
  for (let after = 0; ; ) {
    const page = await store.readAll(after, 2000);
    if (page.length === 0) break;
    for (const event of page) events.set(event.position, { eventId: event.eventId, hash: event.hash, streamId: event.streamId });
    after = page[page.length - 1].position;
  }
  const violations: string[] = [...mirror.unreadable];
  const partitionOfStream = new Map<string, number>();
  const seenAnywhere = new Set<number>();
  const partitions = new Map<number, { distinct: number; maxPosition: number; messages: number }>();
  const total = mirror.all().length;
  for (const partition of [...new Set(mirror.all().map((m) => m.partition))].sort((a, b) => a - b)) {
    const messages = mirror.messagesOf(partition);
    const seen = new Set<number>();
    let max = 0;
    messages.forEach((message, index) => {
      if (message.offset !== index) violations.push(`partition ${partition}: offset ${index} is missing from the mirror`);
      const event = events.get(message.position);
      if (!event) violations.push(`partition ${partition} offset ${message.offset}: position ${message.position} is not in the store`);
      else if (event.eventId !== message.eventId || event.hash !== message.hash || event.streamId !== message.streamId || message.key !== event.streamId) {
        violations.push(`partition ${partition} offset ${message.offset}: position ${message.position} differs from the stored event`);
      }
      const streamPartition = partitionOfStream.get(message.streamId) ?? partition;
      if (streamPartition !== partition) violations.push(`stream ${message.streamId} is on partitions ${streamPartition} and ${partition}`);
      partitionOfStream.set(message.streamId, partition);
      if (message.position <= max && !seen.has(message.position)) {
        violations.push(`partition ${partition} offset ${message.offset}: position ${message.position} first appears after position ${max} (a projector would take it for a re-send)`);
      }
      seen.add(message.position);
      seenAnywhere.add(message.position);
      max = Math.max(max, message.position);
    });
    partitions.set(partition, { distinct: seen.size, maxPosition: max, messages: messages.length });
  }
  for (const position of events.keys()) if (!seenAnywhere.has(position)) violations.push(`position ${position} was never published`);
  return { messages: total, events: events.size, resent: total - seenAnywhere.size, violations, partitions };
}

/** Where the partition checkpoints disagree with the topic once everything is consumed (expected: nowhere). */
export function checkpointMismatches(state: PipelineState, audit: TopicAudit): string[] {
  const problems: string[] = [];
  for (const [partition, facts] of audit.partitions) {
    const checkpoint = state.checkpoints.find((c) => c.partition === partition);
    const high = state.highWatermarks.get(partition) ?? 0;
    if (!checkpoint) problems.push(`partition ${partition} has ${facts.messages} messages but no checkpoint`);
    else {
      if (checkpoint.maxPosition !== facts.maxPosition) problems.push(`partition ${partition}: checkpoint max_position ${checkpoint.maxPosition}, topic's highest position ${facts.maxPosition}`);
      if (checkpoint.nextOffset !== high) problems.push(`partition ${partition}: checkpoint next_offset ${checkpoint.nextOffset}, high watermark ${high}`);
    }
    if (facts.messages !== high) problems.push(`partition ${partition}: mirror has ${facts.messages} messages, high watermark ${high}`);
  }
  for (const checkpoint of state.checkpoints) {
    if (!audit.partitions.has(checkpoint.partition) && (checkpoint.nextOffset !== 0 || checkpoint.maxPosition !== 0)) {
      problems.push(`partition ${checkpoint.partition} is empty but its checkpoint is ${checkpoint.nextOffset}/${checkpoint.maxPosition}`);
    }
  }
  const distinct = [...audit.partitions.values()].reduce((sum, facts) => sum + facts.distinct, 0);
  if (distinct !== state.head) problems.push(`the partitions hold ${distinct} distinct positions, the store ${state.head}`);
  const consumed = state.checkpoints.reduce((sum, c) => sum + c.nextOffset, 0);
  if (consumed !== audit.messages) problems.push(`the checkpoints consumed ${consumed} messages, the topic holds ${audit.messages}`);
  return problems;
}

/** Every partition assignment a projector process logged on joining its group, oldest first. */
export function loggedAssignments(output: string): number[][] {
  return [...output.matchAll(/assigned partitions \[([\d, ]*)\]/g)].map((match) =>
    match[1].trim() === '' ? [] : match[1].split(',').map((partition) => Number(partition.trim())),
  );
}

/** True when the assignments split the partitions 0..count-1 between them, each getting some. */
export function splitsPartitions(assignments: ReadonlyArray<readonly number[]>, count: number): boolean {
  const all = assignments.flat();
  return assignments.every((partitions) => partitions.length > 0) && all.length === count && new Set(all).size === count && all.every((p) => p >= 0 && p < count);
}

/**
 * Freezes a projector process right after appends (when it is likely applying them) until it is
 * caught inside a chunk's transaction. Returns a description and leaves it frozen when caught;
 * returns null (and leaves it running) after `tries` misses or when the appends are over.
 */
export async function freezeInsideChunk(pool: Pool, child: ChildService, progress: AppendProgress, jitter: SeededRandom, tries: number, appendsOver: () => boolean): Promise<string | null> {
  for (let attempt = 0; attempt < tries && !appendsOver(); ) {
    await progress.next();
    // A few looks after each append: the projector applies it some tens of milliseconds later, in a
    // transaction of a few round trips (short: a look lands inside one by chance, hence many looks).
    for (let look = 0; look < 5 && attempt < tries; look++, attempt++) {
      await sleep(jitter.int(5, 120));
      if (!child.freeze()) return null;
      // A frozen projector cannot commit: whatever transaction its session is in stays open.
      await sleep(40);
      const transaction = await openProjectorTransaction(pool, child.localTcpPorts());
      if (transaction) return `mid-batch, inside a chunk transaction (last statement: ${transaction.query.replace(/\s+/g, ' ').slice(0, 70)})`;
      child.thaw();
    }
  }
  return null;
}
