import { Pool } from 'pg';
import { Anchor, ChainVerdict, ChainVerifier } from './chain-verifier';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from './event-row';
import { GENESIS_HASH } from './hash-chain';

const PAGE = 5000;

/**
 * Verifies the stored log from `from` to `to` (inclusive; default: the whole log). When `from` > 1
 * the stored hash of `from - 1` is taken as the starting link. With an anchor, the range ends at
 * the anchor's position and its recomputed hash must equal the anchor's.
 */
export async function verifyStoredChain(pool: Pool, options: { from?: number; to?: number; anchor?: Anchor; onProgress?: (checked: number) => void } = {}): Promise<ChainVerdict> {
  const from = Math.max(1, options.from ?? 1);
  const to = options.anchor ? options.anchor.position : options.to;
  let previousHash = GENESIS_HASH;
  if (from > 1) {
    const { rows } = await pool.query<{ hash: string }>('SELECT hash FROM events WHERE position = $1', [from - 1]);
    previousHash = rows[0]?.hash ?? GENESIS_HASH;
  }
  const verifier = new ChainVerifier(from, previousHash);
  for (let after = from - 1; ; ) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ${to !== undefined ? 'AND position <= $3' : ''} ORDER BY position LIMIT $2`,
      to !== undefined ? [after, PAGE, to] : [after, PAGE],
    );
    if (rows.length === 0 || !verifier.accept(rows.map(toStoredEvent))) break;
    after = Number(rows[rows.length - 1].position);
    options.onProgress?.(after - from + 1);
  }
  return verifier.verdict(options.anchor);
}
