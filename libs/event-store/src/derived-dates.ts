import { parsePartialDate } from '@saydo/domain';
import { StoredEvent } from './stored-event';

export interface DerivedDateMismatch {
  field: 'occurredAt' | 'occurredPrecision' | 'occurredFrom' | 'occurredUntil';
  stored: string;
  /** What `occurredAt` gives for that field (null: `occurredAt` itself is not a date). */
  expected: string | null;
}

/**
 * `occurred_from` and `occurred_until` are derived from `occurred_at` and left out of the hash,
 * yet every `asOf` filter reads them: so a verifier recomputes them (and the precision) from
 * `occurredAt` and reports the first that differs, instead of trusting a row the hash cannot vouch for.
 */
export function derivedDateMismatch(event: Pick<StoredEvent, 'occurredAt' | 'occurredPrecision' | 'occurredFrom' | 'occurredUntil'>): DerivedDateMismatch | null {
  const derived = parsePartialDate(event.occurredAt);
  if (!derived) return { field: 'occurredAt', stored: event.occurredAt, expected: null };
  if (derived.precision !== event.occurredPrecision) return { field: 'occurredPrecision', stored: event.occurredPrecision, expected: derived.precision };
  if (!sameInstant(event.occurredFrom, derived.start)) return { field: 'occurredFrom', stored: event.occurredFrom, expected: derived.start };
  if (!sameInstant(event.occurredUntil, derived.end)) return { field: 'occurredUntil', stored: event.occurredUntil, expected: derived.end };
  return null;
}

function sameInstant(stored: unknown, expected: string): boolean {
  return typeof stored === 'string' && Date.parse(stored) === Date.parse(expected);
}
