import { CommitmentEntity } from '@saydo/read-models';
import { EntityManager } from 'typeorm';

/**
 * Owners of the commitments that are or ever were on a topic (an index query on the commitments
 * read model): a comparison pinned before a correction removed the topic must still find them;
 * the fold then says which commitments were on the topic at that moment.
 */
export async function stakeholdersCommittedOn(manager: EntityManager, topic: string): Promise<string[]> {
  const rows: Array<{ stakeholder_id: string }> = await manager.query(`SELECT DISTINCT stakeholder_id FROM rm_commitments WHERE all_topics @> ARRAY[$1::text] ORDER BY stakeholder_id`, [topic]);
  return rows.map((row) => row.stakeholder_id);
}

export async function ownerOfCommitment(manager: EntityManager, commitmentId: string): Promise<string | null> {
  return (await manager.findOne(CommitmentEntity, { where: { id: commitmentId } }))?.stakeholderId ?? null;
}
