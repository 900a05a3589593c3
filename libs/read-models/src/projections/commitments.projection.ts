import { AssessmentData, AssessmentRelation, commitmentStatus, CommitmentKind, CommitmentStatedData, requirePartialDate } from '@saydo/domain';
import { ProjectionEvent } from '../projection/projection-events';
import { CommitmentEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { correctionTarget, correctionTargetId } from './correction-target';
import { dataOf } from './event-fields';

const STATEMENTS = ['PledgeMade', 'RedLineStated'];

/** The status stored here ignores the date (so never `overdue`); reports apply the date when read. */
function assessedStatus(row: Pick<CommitmentEntity, 'kind' | 'dueBy' | 'relations' | 'statedFrom'>): string {
  return commitmentStatus({ kind: row.kind, dueBy: null, relations: row.relations as AssessmentRelation[] }, row.statedFrom);
}

export const commitmentsProjection: RowProjection<CommitmentEntity> = {
  name: 'commitments',
  entity: CommitmentEntity,
  handles: handledTypes('PledgeMade', 'RedLineStated', 'AssessmentRecorded', 'CommitmentRevised', 'EventCorrected'),
  referencedEventIds: correctionTargetId,
  rowIdsOf(event, referenced) {
    if (event.type !== 'EventCorrected') return [dataOf<{ commitmentId: string }>(event).commitmentId];
    const target = correctionTarget(event, referenced);
    return target && STATEMENTS.includes(target.type) ? [String(target.data.commitmentId)] : [];
  },
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
          allTopics: [...new Set([...(row?.allTopics ?? []), ...data.topics])],
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
      case 'EventCorrected':
        return row && corrected(row, event);
      default:
        return row;
    }
  },
};

/**
 * A statement corrected: its topics, due date and date as corrected (the owner and id cannot
 * be corrected); the topics ever seen only grow. The text here follows revisions only: reports
 * fold the text, corrected or revised, from the log itself.
 */
function corrected(row: CommitmentEntity, correction: ProjectionEvent): CommitmentEntity {
  const data = dataOf<{ data: CommitmentStatedData; occurredAt?: string }>(correction);
  const date = data.occurredAt ? requirePartialDate(data.occurredAt) : null;
  return {
    ...row,
    topics: data.data.topics,
    allTopics: [...new Set([...row.allTopics, ...data.data.topics])],
    dueBy: data.data.dueBy ?? null,
    ...(date ? { statedAt: date.value, statedPrecision: date.precision, statedFrom: date.start } : {}),
  };
}
