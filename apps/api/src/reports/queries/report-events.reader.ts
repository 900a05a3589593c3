import { ReportEvent } from '@saydo/domain';
import { EVENT_COLUMNS, EventRow, toStoredEvent } from '@saydo/event-store';
import { EntityManager } from 'typeorm';

/**
 * The events a stakeholder's report folds, as of a log position: every event about it (found
 * through the timeline read model), the full streams of the actions its commitments are
 * judged against (another actor's deed, and any correction of it), the judgements of actions
 * whose parties were corrected (they follow the action to a new counterparty), and every correction or
 * retraction of those events (a later correction may no longer name the stakeholder, yet it
 * decides that the event left its report). The domain's fold decides, from the data as it stood
 * at that position, which of them concern the stakeholder.
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
  const editorial = await editorialActsOn(manager, [...about, ...actions], position);
  const judgements = await judgementsOfCorrectedActions(manager, [...about, ...editorial], position);
  const judgementActs = await editorialActsOn(manager, judgements, position);
  const rows = new Map([...about, ...actions, ...editorial, ...judgements, ...judgementActs].map((row) => [row.position, row]));
  return [...rows.values()].sort((a, b) => Number(a.position) - Number(b.position)).map((row) => {
    const event = toStoredEvent(row);
    return {
      position: event.position, eventId: event.eventId, streamId: event.streamId, type: event.type, data: event.data,
      occurredAt: event.occurredAt, recordedAt: event.recordedAt, sources: event.metadata.sources, subjects: event.metadata.subjects,
    };
  });
}

/** Corrections and retractions, up to the position, of the given events (they live in the event's own stream). */
async function editorialActsOn(manager: EntityManager, rows: readonly EventRow[], position: number): Promise<EventRow[]> {
  const facts = rows.filter((row) => row.type !== 'EventCorrected' && row.type !== 'EventRetracted');
  if (facts.length === 0) return [];
  return manager.query(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE stream_id = ANY($1::text[]) AND type IN ('EventCorrected', 'EventRetracted') AND (data->>'eventId')::uuid = ANY($2::uuid[]) AND position <= $3`,
    [[...new Set(facts.map((row) => row.stream_id))], facts.map((row) => row.event_id), position],
  );
}

/**
 * Judgements (assessments, disputes, dismissals) of the actions among `rows` that a correction
 * touched, up to the position: a counterparty corrected in is concerned by them although they
 * were recorded about the former one. The links read model only grows, so pinned reports reproduce.
 */
async function judgementsOfCorrectedActions(manager: EntityManager, rows: readonly EventRow[], position: number): Promise<EventRow[]> {
  const corrected = [...new Set(rows.filter((row) => row.type === 'EventCorrected' && row.stream_id.startsWith('action-')).map((row) => row.stream_id.slice('action-'.length)))];
  if (corrected.length === 0) return [];
  return manager.query(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE stream_id IN (SELECT 'commitment-' || commitment_id FROM rm_commitment_links WHERE action_id = ANY($1::text[])) AND data->>'actionId' = ANY($1::text[]) AND position <= $2`,
    [corrected, position],
  );
}
