/**
 * A real Kafka broker for integration / e2e tests (single-node KRaft, Apache Kafka 3.9.1,
 * run from Maven-resolved jars by ./kafka.sh; no Docker).
 *
 * Jest global setup:  const { brokers, startedHere } = await ensureKafkaBroker(); await warmUpKafka(brokers);
 * Jest global teardown: if (startedHere) await stopKafkaBroker();
 *
 * Set KAFKA_BROKERS to use an existing broker instead (nothing is started or stopped then).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

const SCRIPT = path.join(__dirname, 'kafka.sh');
const STDERR_KEEP = 120; // lines of kafka.sh stderr (incl. the broker log tail) kept for error messages

export interface KafkaBrokerHandle {
  /** Comma-separated host:port list for kafkajs `brokers` (split on ','). */
  brokers: string;
  /** True only when this call started a new broker process (so the caller should stop it). */
  startedHere: boolean;
}

interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderrTail: string;
}

/** Runs kafka.sh; its stderr is streamed to ours (progress, broker log tail) and also kept. */
function runScript(command: 'up' | 'down', timeoutMs: number): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, command], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let stdout = '';
    let stderrLines: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      process.stderr.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      stderrLines = stderrLines.concat(lines).slice(-STDERR_KEEP);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${SCRIPT}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const tail = partial ? stderrLines.concat(partial) : stderrLines;
      resolve({ code, signal, stdout, stderrTail: tail.join('\n') });
    });
  });
}

/**
 * Returns the brokers to test against: $KAFKA_BROKERS when set, otherwise starts (or reuses)
 * the script's broker. Also exports KAFKA_BROKERS into process.env so jest workers inherit it.
 * Throws with the broker's log tail when it cannot start: tests never silently skip Kafka.
 */
export async function ensureKafkaBroker(): Promise<KafkaBrokerHandle> {
  const preset = process.env.KAFKA_BROKERS?.trim();
  if (preset) return { brokers: preset, startedHere: false };

  // Cold start: Maven resolution (first time only) + StorageTool format + broker boot (<= 90 s).
  const result = await runScript('up', 5 * 60_000);
  const match = /^KAFKA_BROKERS=(\S+)\s*$/m.exec(result.stdout);
  if (result.code !== 0 || !match) {
    const how = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
    throw new Error(
      `Kafka test broker could not start (${SCRIPT} up: ${how}).\n` +
        `Needs java 11+ and mvn on PATH (or set KAFKA_BROKERS to an existing broker).\n` +
        `---- kafka.sh output / broker log tail ----\n${result.stderrTail}`,
    );
  }
  const brokers = match[1];
  // kafka.sh says "reusing running broker" when a broker from an earlier `up` was still alive:
  // then someone else owns it (e.g. `npm run kafka:up`) and teardown must leave it running.
  const startedHere = !/reusing running broker/.test(result.stderrTail);
  process.env.KAFKA_BROKERS = brokers;
  return { brokers, startedHere };
}

/** Stops the script's broker (SIGTERM, SIGKILL after 20 s) and deletes its run dir. */
export async function stopKafkaBroker(): Promise<void> {
  const result = await runScript('down', 60_000);
  if (result.code !== 0) {
    throw new Error(`${SCRIPT} down failed (exit code ${result.code}):\n${result.stderrTail}`);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Waits until the broker answers metadata requests, the group coordinator is available and an
 * idempotent producer can get a producer id. On a fresh cluster `__consumer_offsets` is only created
 * by the first FindCoordinator request; until then consumers fail with "The group coordinator is
 * not available" and may crash.
 */
export async function warmUpKafka(brokers: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const kafka = new Kafka({
    clientId: 'saydo-test-warmup',
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
  });
  const admin = kafka.admin();
  const groupId = `saydo-warmup-${process.pid}-${Date.now()}`;
  let lastError: unknown;
  let groupCoordinatorReady = false;
  try {
    for (let attempt = 1; Date.now() < deadline; attempt++) {
      try {
        await admin.connect();
        await admin.fetchTopicMetadata({ topics: [] });
        if (!groupCoordinatorReady) {
          await admin.fetchOffsets({ groupId, topics: [] });
          // kafkajs throws on a group-level error code (e.g. COORDINATOR_LOAD_IN_PROGRESS).
          const { groups } = await admin.describeGroups([groupId]);
          groupCoordinatorReady = groups.length === 1 && groups[0].groupId === groupId;
          if (!groupCoordinatorReady) throw new Error(`describeGroups returned ${JSON.stringify(groups)}`);
        }
        // The first InitProducerId on a fresh KRaft broker answers COORDINATOR_LOAD_IN_PROGRESS while
        // the broker fetches a producer-id block from the controller (kafkajs retries, but logs ERROR).
        const producer = kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          createPartitioner: Partitioners.DefaultPartitioner,
        });
        try {
          await producer.connect();
        } finally {
          await producer.disconnect().catch(() => undefined);
        }
        return;
      } catch (err) {
        lastError = err;
      }
      await sleep(Math.min(250 * attempt, 2_000));
    }
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    throw new Error(`Kafka at ${brokers} not ready (metadata, group coordinator, idempotent producer id) after ${timeoutMs} ms: ${reason}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
