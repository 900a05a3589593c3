import { AssessmentData, AssessmentRelation, commitmentStatus, CommitmentKind, CommitmentStatedData } from '@saydo/domain';
import { CommitmentEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

/** The status stored here ignores the date (so never `overdue`); reports apply the date when read. */
function assessedStatus(row: Pick<CommitmentEntity, 'kind' | 'dueBy' | 'relations' | 'statedFrom'>): string {
  return commitmentStatus({ kind: row.kind, dueBy: null, relations: row.relations as AssessmentRelation[] }, row.statedFrom);
}

export const commitmentsProjection: RowProjection<CommitmentEntity> = {
  name: 'commitments',
  entity: CommitmentEntity,
  handles: handledTypes('PledgeMade', 'RedLineStated', 'AssessmentRecorded', 'CommitmentRevised'),
  rowIdsOf: (event) => [dataOf<{ commitmentId: string }>(event).commitmentId],
  evolve(row, event) {
    switch (event.type) {
      case 'PledgeMade':
      case 'RedLineStated': {
        const data = dataOf<CommitmentStatedData>(event);
        const kind: CommitmentKind = event.type === 'PledgeMade' ? 'pledge' : 'red_line';
        const stated = {
          id: data.commitmentId,
          stakeholderId: data.stakeholderId,
          kind,
          text: data.text,
          topics: data.topics,
          dueBy: data.dueBy ?? null,
          statedAt: event.occurredAt,
          statedPrecision: event.occurredPrecision,
          statedFrom: event.occurredFrom,
          sources: event.metadata.sources,
          relations: [],
          lastPosition: event.position,
        };
        return { ...stated, status: assessedStatus(stated) };
      }
      case 'AssessmentRecorded': {
        if (!row) return null;
        const relations = [...row.relations, dataOf<AssessmentData>(event).relation];
        return { ...row, relations, status: assessedStatus({ ...row, relations }) };
      }
      case 'CommitmentRevised':
        return row && { ...row, text: dataOf<{ text: string }>(event).text };
      default:
        return row;
    }
  },
};
