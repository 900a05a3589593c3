import { parsePartialDate } from '@saydo/domain';

/** Length limits of the envelope's fields (event data limits are declared in the domain). */
export const LIMITS = { title: 500, quote: 2000, url: 2048, publisher: 200, sources: 20 } as const;

export const MAX_BATCH_SIZE = 1000;

/** "2025", "2025-04", "2025-04-12" or an RFC 3339 instant with offset. */
export function isPartialDateText(value: unknown): boolean {
  return typeof value === 'string' && parsePartialDate(value) !== null;
}
