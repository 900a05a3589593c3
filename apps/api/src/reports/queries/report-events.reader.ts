import { ReportEvent } from '@saydo/domain';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from '@saydo/event-store';
import { EntityManager } from 'typeorm';

/**
 * The events a stakeholder's report folds, as of a log position: every event about it (found
 * through the timeline read model) and the full streams of the actions its commitments are
 * judged against (another actor's deed, and any correction of it).
 */
export async function readReportEvents(manager: EntityManager, stakeholderId: string, position: number): Promise<ReportEvent[]> {
  const about: EventRow[] = await manager.query(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE position IN (SELECT position FROM rm_timeline_entries WHERE stakeholder_id = $1) AND position <= $2 ORDER BY position`,
    [stakeholderId, position],
  );
  const judgedActions = [...new Set(about.filter((row) => typeof row.data.actionId === 'string' && row.stream_id.startsWith('commitment-')).map((row) => `action-${row.data.actionId}`))];
  const actions: EventRow[] = judgedActions.length
    ? await manager.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) AND position <= $2 ORDER BY position`, [judgedActions, position])
    : [];
  const rows = new Map([...about, ...actions].map((row) => [row.position, row]));
  return [...rows.values()].map((row) => {
    const event = toStoredEvent(row);
    return {
      position: event.position, eventId: event.eventId, streamId: event.streamId, type: event.type, data: event.data,
      occurredAt: event.occurredAt, recordedAt: event.recordedAt, sources: event.metadata.sources, subjects: event.metadata.subjects,
    };
  });
}
