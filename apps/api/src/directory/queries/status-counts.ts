import { AssessmentRelation, commitmentStatus, CommitmentStatus } from '@saydo/domain';
import { EntityManager } from 'typeorm';

/**
 * Counts by status for many stakeholders at once, from the commitments read model (its assessed
 * relations, with due dates judged at `judgedAt`), in one query. A fold per stakeholder would be
 * exact to the last correction but costs a report per row of a list; the report pages stay the
 * reference, and say so.
 */
export async function statusCounts(manager: EntityManager, stakeholderIds: readonly string[], judgedAt: string): Promise<Map<string, Partial<Record<CommitmentStatus, number>>>> {
  const counts = new Map<string, Partial<Record<CommitmentStatus, number>>>(stakeholderIds.map((id) => [id, {}]));
  if (stakeholderIds.length === 0) return counts;
  const rows: Array<{ stakeholder_id: string; kind: 'pledge' | 'red_line'; due_by: string | null; relations: AssessmentRelation[] }> = await manager.query(
    `SELECT stakeholder_id, kind, due_by, relations FROM rm_commitments WHERE stakeholder_id = ANY($1)`,
    [stakeholderIds],
  );
  for (const row of rows) {
    const status = commitmentStatus({ kind: row.kind, dueBy: row.due_by, relations: row.relations }, judgedAt);
    const byStatus = counts.get(row.stakeholder_id)!;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  return counts;
}
