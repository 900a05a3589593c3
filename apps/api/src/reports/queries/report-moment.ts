import { parsePartialDate, PartialDate, requirePartialDate } from '@saydo/domain';
import { EntityManager } from 'typeorm';
import { ReportTime } from './stakeholder-report/stakeholder-report.request.dto';

/** The log position a report folded, and when that position was recorded (null before the first event). */
export interface KnownAt {
  position: number;
  recordedAt: string | null;
}

/** Where a report stands on both time axes. */
export interface ReportMoment {
  /** The log position folded (knownAt, or the read models' position). */
  position: number;
  /** The instant statuses are judged at (due dates). */
  judgedAt: string;
  /** Always resolved, also for a live answer, so a live answer and its permalink echo the same object. */
  knownAt: KnownAt;
  asOf: PartialDate | null;
}

/**
 * Resolves knownAt (a position, or a timestamp: the last position recorded by then) against the
 * read models' position, and the date statuses are judged at. Given the same position and date,
 * the moment is the same whenever it is asked (that is what a permalink pins).
 */
export async function resolveMoment(manager: EntityManager, readModelPosition: number, time: ReportTime): Promise<ReportMoment> {
  const asOf = time.asOf ? parsePartialDate(time.asOf) : null;
  let position = knownPosition(readModelPosition, time) ?? readModelPosition;
  let knownInstant: string | null = null;
  if (knownAtIsInstant(time)) {
    knownInstant = new Date(time.knownAt!).toISOString();
    const [row] = await manager.query(`SELECT coalesce(max(position), 0) AS position FROM events WHERE recorded_at <= $1`, [knownInstant]);
    position = Math.min(Number(row.position), readModelPosition);
  }
  // The echo names the position folded and when it was recorded, whichever form knownAt took (or none).
  const [row] = await manager.query(`SELECT recorded_at FROM events WHERE position = $1`, [position]);
  const knownAt = { position, recordedAt: row ? new Date(row.recorded_at).toISOString() : null };
  if (time.knownAt && !knownInstant) knownInstant = knownAt.recordedAt;
  return { position, judgedAt: judgedInstant(time, asOf, knownInstant), knownAt, asOf };
}

/** What a permalink names of a moment: the position, the judged instant and the world date. */
export interface PermalinkMoment {
  knownAt: { position: number };
  judgedAt: string;
  worldAsOf: ReportMomentFields['worldAsOf'];
}

/**
 * The moment's permalink parts when the request and the read models' position decide them alone,
 * without reading the log (what lets an answer already sent be found before any fold): null when
 * knownAt is a timestamp, or a position with no date to judge at (then it is judged when that
 * position was recorded). Agrees with `resolveMoment` by sharing its rules.
 */
export function permalinkMomentOf(readModelPosition: number, time: ReportTime): PermalinkMoment | null {
  if (knownAtIsInstant(time)) return null;
  const asOf = time.asOf ? parsePartialDate(time.asOf) : null;
  if (time.knownAt && !time.date && !asOf) return null;
  const position = knownPosition(readModelPosition, time) ?? readModelPosition;
  return { knownAt: { position }, judgedAt: judgedInstant(time, asOf, null), worldAsOf: asOf && { value: asOf.value, precision: asOf.precision } };
}

/** knownAt given as a log position: that position, or the read models' own if they are not there yet. */
function knownPosition(readModelPosition: number, time: ReportTime): number | null {
  return time.knownAt && /^\d+$/.test(time.knownAt) ? Math.min(Number(time.knownAt), readModelPosition) : null;
}

const knownAtIsInstant = (time: ReportTime) => time.knownAt !== undefined && !/^\d+$/.test(time.knownAt);

function judgedInstant(time: ReportTime, asOf: PartialDate | null, knownInstant: string | null): string {
  return time.date ? requirePartialDate(time.date).start : (asOf?.end ?? knownInstant ?? liveInstant());
}

/**
 * A live answer is judged at the start of the current minute, not at the millisecond: its bytes (and
 * ETag) stay the same until a new event or the next minute, so caches can revalidate it with a 304.
 * A status due within the minute turns at most a minute late; a date asked explicitly is exact.
 */
export const LIVE_JUDGEMENT_STEP_MS = 60_000;

function liveInstant(): string {
  const now = Date.now();
  return new Date(now - (now % LIVE_JUDGEMENT_STEP_MS)).toISOString();
}

/** What every report says about its moment (echoed in the body, covered by the content hash, pinned by the permalink). */
export interface ReportMomentFields {
  knownAt: KnownAt;
  judgedAt: string;
  worldAsOf: { value: string; precision: PartialDate['precision'] } | null;
}

export function momentFields(moment: ReportMoment): ReportMomentFields {
  return { knownAt: moment.knownAt, judgedAt: moment.judgedAt, worldAsOf: moment.asOf ? { value: moment.asOf.value, precision: moment.asOf.precision } : null };
}
