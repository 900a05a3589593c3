import { findEventDefinition } from '../catalogue/event-catalogue';
import { subjectsOfCorrectedData } from './effective-subjects';
import { dated, Dated, ReportEvent } from './report-event';

export interface EditorialNote {
  eventId: string;
  type: string;
  reason: string;
  at: Dated;
  position: number;
}

/**
 * The log as a reader should count it: retracted events left out, corrected events carrying
 * their latest corrected data (the last correction in log order wins) and the subjects that data
 * names. Every editorial act is kept as a note, so reports can say so.
 */
export function applyEditorialActs(events: readonly ReportEvent[]): { effective: ReportEvent[]; retractions: EditorialNote[]; corrections: EditorialNote[] } {
  const retracted = new Map<string, EditorialNote>();
  const corrected = new Map<string, { data: Record<string, unknown>; occurredAt?: string; note: EditorialNote }>();
  const ordered = [...events].sort((a, b) => a.position - b.position);
  for (const event of ordered) {
    const target = event.data.eventId as string;
    const note = (type: string) => ({ eventId: target, type, reason: String(event.data.reason), at: dated(event.occurredAt), position: event.position });
    if (event.type === 'EventRetracted') retracted.set(target, note('EventRetracted'));
    if (event.type === 'EventCorrected') {
      // A later correction that does not restate the date keeps the date an earlier one corrected.
      const occurredAt = (event.data.occurredAt as string | undefined) ?? corrected.get(target)?.occurredAt;
      corrected.set(target, { data: event.data.data as Record<string, unknown>, occurredAt, note: note('EventCorrected') });
    }
  }
  const effective = ordered
    .filter((event) => findEventDefinition(event.type)?.family !== 'editorial' && !retracted.has(event.eventId))
    .map((event) => {
      const correction = corrected.get(event.eventId);
      if (!correction) return event;
      return { ...event, data: correction.data, occurredAt: correction.occurredAt ?? event.occurredAt, subjects: subjectsOfCorrectedData(event.type, correction.data, event.subjects) };
    });
  return { effective, retractions: [...retracted.values()], corrections: [...corrected.values()].map((c) => c.note) };
}
