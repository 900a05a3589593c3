import { EntityManager } from 'typeorm';

/** What a kept fold read besides the stakeholder's timeline index: the streams of the events it folded. */
export interface FoldInputs {
  streams: string[];
}

/**
 * Whether an event that a fold of the stakeholder at `to` would read arrived after `from`: every
 * such event is either indexed under the stakeholder (its subjects, or a correction naming it) or
 * lands in a stream the fold already read (a correction, retraction, revision or judgement of
 * something folded). Both questions are index lookups bounded by the position range.
 */
export async function changedSince(manager: EntityManager, stakeholderId: string, inputs: FoldInputs, from: number, to: number): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM rm_timeline_entries WHERE stakeholder_id = $1 AND position > $2 AND position <= $3)
         OR EXISTS (SELECT 1 FROM events WHERE position > $2 AND position <= $3 AND stream_id = ANY($4::text[])) AS changed`,
    [stakeholderId, from, to, inputs.streams],
  );
  return row.changed === true;
}
