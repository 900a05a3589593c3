import { parsePartialDate, PartialDate } from '@saydo/domain';
import { EntityManager } from 'typeorm';
import { ReportTime } from './stakeholder-report/stakeholder-report.request.dto';

/** Where a report stands on both time axes. */
export interface ReportMoment {
  /** The log position folded (knownAt, or the read models' position). */
  position: number;
  /** The instant statuses are judged at (due dates). */
  judgedAt: string;
  knownAt: { position: number; recordedAt: string | null } | null;
  asOf: PartialDate | null;
}

/**
 * Resolves knownAt (a position, or a timestamp: the last position recorded by then) against the
 * read models' position, and the date statuses are judged at. Deterministic for a given knownAt,
 * so the same request gives the same bytes later.
 */
export async function resolveMoment(manager: EntityManager, readModelPosition: number, time: ReportTime): Promise<ReportMoment> {
  const asOf = time.asOf ? parsePartialDate(time.asOf) : null;
  let knownAt: ReportMoment['knownAt'] = null;
  let knownInstant: string | null = null;
  if (time.knownAt && /^\d+$/.test(time.knownAt)) {
    const position = Math.min(Number(time.knownAt), readModelPosition);
    const [row] = await manager.query(`SELECT recorded_at FROM events WHERE position = $1`, [position]);
    knownAt = { position, recordedAt: row ? new Date(row.recorded_at).toISOString() : null };
    knownInstant = knownAt.recordedAt;
  } else if (time.knownAt) {
    knownInstant = new Date(time.knownAt).toISOString();
    const [row] = await manager.query(`SELECT coalesce(max(position), 0) AS position FROM events WHERE recorded_at <= $1`, [knownInstant]);
    knownAt = { position: Math.min(Number(row.position), readModelPosition), recordedAt: knownInstant };
  }
  const judgedAt = time.date ? new Date(time.date).toISOString() : (asOf?.end ?? knownInstant ?? new Date().toISOString());
  return { position: knownAt?.position ?? readModelPosition, judgedAt, knownAt, asOf };
}

/** What every report says about its moment (echoed in the body, covered by the content hash). */
export function momentFields(moment: ReportMoment) {
  return { knownAt: moment.knownAt, worldAsOf: moment.asOf ? { value: moment.asOf.value, precision: moment.asOf.precision } : null };
}
