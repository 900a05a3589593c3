import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { repositoryRoot } from './results-file';

export interface BenchBroker {
  /** host:port list, as KAFKA_BROKERS spells it. */
  brokers: string[];
  /** True when this run started the broker (and so stops it). */
  startedHere: boolean;
  /** Stops the broker if this run started it; safe to call more than once. */
  stop(): Promise<void>;
}

const SCRIPT = join(repositoryRoot(), 'test', 'infra', 'kafka', 'kafka.sh');

/**
 * The broker for the Kafka benchmarks: $KAFKA_BROKERS when set (never started or stopped here),
 * else `test/infra/kafka/kafka.sh up` (the tests' single-node KRaft broker; an already running one
 * is reused and left running). Waits until a group coordinator and an idempotent producer id can be had.
 */
export async function ensureBenchBroker(log: (message: string) => void): Promise<BenchBroker> {
  const preset = process.env.KAFKA_BROKERS?.trim();
  if (preset) {
    const brokers = preset.split(',').map((b) => b.trim());
    await warmUp(brokers);
    return { brokers, startedHere: false, stop: async () => undefined };
  }
  log(`KAFKA_BROKERS is unset: bash ${SCRIPT} up`);
  const up = await runScript('up', 5 * 60_000);
  const match = /^KAFKA_BROKERS=(\S+)\s*$/m.exec(up.stdout);
  if (up.code !== 0 || !match) throw new Error(`kafka.sh up failed (exit ${up.code}):\n${up.stderr.slice(-4000)}`);
  const startedHere = !/reusing running broker/.test(up.stderr);
  let stopped = !startedHere;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const down = await runScript('down', 60_000);
    if (down.code !== 0) throw new Error(`kafka.sh down failed (exit ${down.code}):\n${down.stderr.slice(-4000)}`);
  };
  const brokers = match[1].split(',');
  try {
    await warmUp(brokers);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { brokers, startedHere, stop };
}

function runScript(command: 'up' | 'down', timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A fresh KRaft broker creates __consumer_offsets on the first FindCoordinator and fetches a
 * producer-id block on the first InitProducerId; both answer "retry" for a moment. Do them once
 * here so no benchmark pays for them.
 */
async function warmUp(brokers: string[], timeoutMs = 60_000): Promise<void> {
  const kafka = new Kafka({ clientId: 'saydo-bench-warmup', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2, initialRetryTime: 200 } });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    try {
      await admin.connect();
      const groupId = `saydo-bench-warmup-${process.pid}`;
      await admin.fetchOffsets({ groupId, topics: [] });
      const { groups } = await admin.describeGroups([groupId]);
      if (groups[0]?.groupId !== groupId) throw new Error('group coordinator not ready');
      await producer.connect();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(`Kafka at ${brokers.join(',')} not ready after ${timeoutMs} ms: ${String(lastError)}`);
}
