import { verifyStoredChain } from '@saydo/event-store';
import { Pool } from 'pg';
import { BenchResult, rate } from './bench-result';
import { scanLog } from './raw-log-scan';
import { timed } from './stopwatch';

/**
 * Times a full verification of the hash chain (read every event, recompute RFC 8785 + SHA-256,
 * compare) beside a raw keyset scan of the same log in the same run: the ratio is the cost of the
 * hashing on top of reading.
 */
export async function benchmarkVerify(pool: Pool, events: number): Promise<BenchResult> {
  const scan = await timed(() => scanLog(pool, 5000));
  const verify = await timed(() => verifyStoredChain(pool));
  if (!verify.result.valid || verify.result.checked !== events) throw new Error(`verification checked ${verify.result.checked} events, valid ${verify.result.valid}`);
  return {
    benchmark: 'hash chain verification, whole log',
    events,
    seconds: verify.seconds,
    eventsPerSecond: rate(events, verify.seconds),
    baseline: { description: 'raw pg keyset scan of the same log (pages of 5,000)', seconds: scan.seconds, eventsPerSecond: rate(events, scan.seconds) },
    ratio: verify.seconds / scan.seconds,
    details: { headHash: verify.result.headHash },
    notes: [`verified ${verify.result.checked} events, head hash ${verify.result.headHash.slice(0, 16)}…`],
  };
}
