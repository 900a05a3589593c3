import { S5 } from './scenario';
import { TestApp } from './test-app';

/** What one writer saw: every write ends acknowledged (201) by retrying, with the same Idempotency-Key, what was not. */
export interface WriterTally {
  acknowledged: string[];
  /** Answers that were neither 201 nor a retryable 503 (a 500 would be a bug). */
  unexpected: Array<{ status: number; body: string }>;
  retried503: number;
  /** The request never got an answer (the socket dropped): retried too. */
  transportErrors: number;
  /** Each 503's problem type and Retry-After, to check their shape. */
  problems: Map<string, number>;
  retryAfterMissing: number;
}

export interface WriteLoad {
  stop(): Promise<WriterTally[]>;
  /** Total 201s so far, across the writers. */
  acknowledgedCount(): number;
  /** Waits for `writes` more acknowledgements; throws (with what the writers saw) if they do not come in time. */
  progress(writes: number, timeoutMs: number): Promise<void>;
}

/**
 * `writers` clients, each registering new stakeholders one after the other, as fast as the API
 * answers. A write that gets a 503 or no answer is sent again with the same Idempotency-Key until
 * it is acknowledged, as a careful client would: so each stakeholder must end in the log exactly once.
 */
export function startWriteLoad(app: TestApp, key: string, writers: number, prefix: string): WriteLoad {
  let running = true;
  const tallies: WriterTally[] = Array.from({ length: writers }, () => ({ acknowledged: [], unexpected: [], retried503: 0, transportErrors: 0, problems: new Map(), retryAfterMissing: 0 }));
  const loops = tallies.map(async (tally, writer) => {
    for (let n = 0; running; n++) {
      const stakeholderId = `${prefix}-w${writer}-${n}`;
      const payload = { type: 'StakeholderRegistered', data: { stakeholderId, name: stakeholderId, kind: 'organization' }, occurredAt: '2020', sources: [S5] };
      for (;;) {
        let status: number;
        let body = '';
        let retryAfter: string | null = null;
        try {
          const response = await fetch(`${app.baseUrl}/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'idempotency-key': stakeholderId },
            body: JSON.stringify(payload),
          });
          status = response.status;
          retryAfter = response.headers.get('retry-after');
          body = await response.text();
        } catch {
          if (app.process.exitCode !== null || app.process.signalCode !== null) {
            tally.unexpected.push({ status: 0, body: `the API process exited (${app.process.exitCode ?? app.process.signalCode})` });
            return;
          }
          tally.transportErrors += 1;
          await pause(50);
          continue;
        }
        if (status === 201) {
          tally.acknowledged.push(stakeholderId);
          break;
        }
        if (status === 503) {
          tally.retried503 += 1;
          const type = (JSON.parse(body) as { type?: string }).type ?? 'none';
          tally.problems.set(type, (tally.problems.get(type) ?? 0) + 1);
          if (!retryAfter) tally.retryAfterMissing += 1;
          // A real client would honour Retry-After; the test retries sooner to keep the load on.
          await pause(50);
          continue;
        }
        tally.unexpected.push({ status, body: body.slice(0, 500) });
        return;
      }
    }
  });
  const acknowledgedCount = () => tallies.reduce((sum, tally) => sum + tally.acknowledged.length, 0);
  return {
    acknowledgedCount,
    async progress(writes, timeoutMs) {
      const target = acknowledgedCount() + writes;
      const deadline = Date.now() + timeoutMs;
      while (acknowledgedCount() < target) {
        if (Date.now() > deadline || tallies.some((tally) => tally.unexpected.length > 0)) {
          const seen = tallies.map(({ unexpected, retried503, transportErrors, problems }) => ({ unexpected: unexpected.slice(0, 2), retried503, transportErrors, problems: Object.fromEntries(problems) }));
          throw new Error(`no ${writes} writes acknowledged within ${timeoutMs} ms, or an unexpected answer: ${JSON.stringify(seen)}`);
        }
        await pause(20);
      }
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return tallies;
    },
  };
}

/** Polls a path until it answers 200; returns how long that took (ms), or throws past the deadline. */
export async function msUntilOk(baseUrl: string, path: string, deadlineMs: number, since = Date.now()): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(2_000) });
      const text = await response.text();
      if (process.env.DEBUG_READY) process.stdout.write(`${Date.now() - since} ${response.status} ${text.slice(0, 400)}\n`);
      if (response.ok) return Date.now() - since;
    } catch {
      // no answer yet
    }
    if (Date.now() - since > deadlineMs) throw new Error(`${path} did not answer 200 within ${deadlineMs} ms`);
    await pause(25);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
