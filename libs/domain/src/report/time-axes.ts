import { createHash } from 'node:crypto';
import { findEventDefinition } from '../catalogue/event-catalogue';
import { parsePartialDate, PartialDate } from '../shared/partial-date';
import { ReportEvent } from './report-event';

/**
 * The world axis: keep the facts that had certainly happened by the end of `asOf` (a partial
 * date). "2026-02" counts as of 28 February 2026 but not as of the 20th; "2026" not before
 * 2027. Judgements and editorial acts are kept: the report is "what had happened by then, as
 * known now", and a judgement about a fact left out finds nothing to attach to. A fact whose date
 * was corrected is placed by its corrected date (the last correction in log order).
 */
export function happenedBy(events: readonly ReportEvent[], asOf: PartialDate): ReportEvent[] {
  const correctedDates = new Map<string, string>();
  for (const event of [...events].sort((a, b) => a.position - b.position)) {
    if (event.type === 'EventCorrected' && typeof event.data.occurredAt === 'string') correctedDates.set(String(event.data.eventId), event.data.occurredAt);
  }
  return events.filter((event) => {
    const family = findEventDefinition(event.type)?.family;
    if (family === 'judged' || family === 'editorial') return true;
    const occurred = parsePartialDate(correctedDates.get(event.eventId) ?? event.occurredAt);
    return occurred !== null && occurred.end <= asOf.end;
  });
}

/** SHA-256 of a report's JSON, so a published report can be checked byte for byte when re-fetched. */
export function contentHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
