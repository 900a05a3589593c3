import { applyEditorialActs } from './editorial-view';
import { concerns } from './effective-subjects';
import { byWorldDate, dated, Dated, ReportEvent } from './report-event';

export interface TimelineEntry {
  position: number;
  type: string;
  streamId: string;
  occurredAt: Dated;
  recordedAt: string;
  /** The data as it stands (corrected when it was). */
  data: Record<string, unknown>;
  sources: object[];
  retracted: { reason: string; at: Dated } | null;
  corrected: { reason: string; at: Dated } | null;
}

/**
 * Every event about a stakeholder by occurredAt (as corrected), precision kept; editorial acts
 * shown on the events they concern. What an entry says comes from the log order (the latest
 * correction recorded wins); the dates only order the entries.
 */
export function buildTimeline(events: readonly ReportEvent[], stakeholderId?: string): TimelineEntry[] {
  const { effective, retractions, corrections } = applyEditorialActs(events);
  const current = new Map(effective.map((e) => [e.eventId, e]));
  const retracted = new Map(retractions.map((r) => [r.eventId, r]));
  const corrected = new Map(corrections.map((c) => [c.eventId, c]));
  // About the stakeholder as the data now stands: a corrected counterparty moves the event, and the judgements of it.
  const about = stakeholderId === undefined ? () => true : concerns(events, effective, stakeholderId);
  return [...events]
    .filter((e) => e.type !== 'EventRetracted' && e.type !== 'EventCorrected' && about(e))
    .map((e) => ({ event: e, occurredAt: dated(current.get(e.eventId)?.occurredAt ?? e.occurredAt), position: e.position }))
    .sort(byWorldDate)
    .map(({ event: e, occurredAt }) => ({
      position: e.position,
      type: e.type,
      streamId: e.streamId,
      occurredAt,
      recordedAt: e.recordedAt,
      data: current.get(e.eventId)?.data ?? e.data,
      sources: e.sources,
      retracted: retracted.has(e.eventId) ? { reason: retracted.get(e.eventId)!.reason, at: retracted.get(e.eventId)!.at } : null,
      corrected: corrected.has(e.eventId) ? { reason: corrected.get(e.eventId)!.reason, at: corrected.get(e.eventId)!.at } : null,
    }));
}
