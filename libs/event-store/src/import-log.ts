import { Pool } from 'pg';
import { INSERT_EVENTS_SQL, INSERT_OUTBOX_SQL, insertEventsParameters } from './append-sql';
import { ChainBreak, ChainVerifier } from './chain-verifier';
import { GENESIS_HASH } from './hash-chain';
import { StoredEvent } from './stored-event';
import { withTransaction } from './transaction';

const BATCH = 1000;

/** An export that does not verify, or an instance that is not empty: nothing was imported. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly firstBreak: ChainBreak | { position: number; reason: 'unreadable-line'; line: number } | null,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/**
 * Imports an exported log (NDJSON lines, from position 1) into an empty store, verifying the
 * chain as it goes. All or nothing: one transaction, refused at the first line that does not
 * verify. The events keep their positions, ids, times, principals and hashes.
 */
export async function importLog(pool: Pool, lines: AsyncIterable<string>): Promise<{ imported: number; head: { position: number; hash: string } }> {
  return withTransaction(pool, async (client) => {
    await client.query('LOCK TABLE events IN EXCLUSIVE MODE');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    if (rows[0].n > 0) throw new ImportRefusedError(`the target store already holds ${rows[0].n} events; import only into an empty instance`, null);
    const verifier = new ChainVerifier(1, GENESIS_HASH);
    let batch: StoredEvent[] = [];
    let lineNumber = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      if (!verifier.accept(batch)) {
        const verdict = verifier.verdict();
        throw new ImportRefusedError(`the export does not verify at position ${verdict.firstBreak!.position} (${verdict.firstBreak!.reason}); nothing was imported`, verdict.firstBreak);
      }
      await client.query(INSERT_EVENTS_SQL, insertEventsParameters(batch));
      await client.query(INSERT_OUTBOX_SQL, [batch[0].position, batch[batch.length - 1].position]);
      batch = [];
    };
    for await (const line of lines) {
      lineNumber += 1;
      if (!line.trim()) continue;
      let event: StoredEvent;
      try {
        event = JSON.parse(line) as StoredEvent;
      } catch {
        throw new ImportRefusedError(`line ${lineNumber} is not JSON; nothing was imported`, { position: verifier.verdict().to + 1, reason: 'unreadable-line', line: lineNumber });
      }
      batch.push(event);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const verdict = verifier.verdict();
    return { imported: verdict.checked, head: { position: verdict.to, hash: verdict.headHash } };
  });
}
