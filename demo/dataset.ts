import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import canonicalize from 'canonicalize';

/** One submission as POST /v1/event-batches takes it. */
export interface Submission {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  sources: object[];
}

export interface Dataset {
  path: string;
  events: Submission[];
  /** Derived from the events' canonical JSON: the same data always gets the same key. */
  idempotencyKey: string;
}

/** The founding case beside this script's sources (demo/dist/demo/ once compiled). */
export const DATASET_PATH = resolve(__dirname, '../../founding-case.json');

export function loadDataset(path = DATASET_PATH): Dataset {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { events?: Submission[] };
  if (!Array.isArray(file.events) || file.events.length === 0) throw new Error(`${path} has no "events" list`);
  const hash = createHash('sha256').update(canonicalize(file.events) ?? '').digest('hex');
  return { path, events: file.events, idempotencyKey: `founding-case-sha256-${hash}` };
}
