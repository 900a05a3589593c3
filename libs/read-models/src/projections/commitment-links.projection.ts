import { AssessmentData } from '@saydo/domain';
import { CommitmentLinkEntity } from '../entities';
import { handledTypes, RowProjection } from '../projection/row-projection';
import { dataOf } from './event-fields';

export function linkId(commitmentId: string, actionId: string): string {
  return `${commitmentId}/${actionId}`;
}

export const commitmentLinksProjection: RowProjection<CommitmentLinkEntity> = {
  name: 'commitment_links',
  entity: CommitmentLinkEntity,
  handles: handledTypes('AssessmentRecorded', 'AssessmentRevised'),
  replacesRows: true,
  rowIdsOf: (event) => {
    const data = dataOf<AssessmentData>(event);
    return [linkId(data.commitmentId, data.actionId)];
  },
  evolve(_row, event, rowId) {
    const data = dataOf<AssessmentData>(event);
    return {
      id: rowId,
      commitmentId: data.commitmentId,
      actionId: data.actionId,
      relation: data.relation,
      rationale: data.rationale,
      assessedAt: event.occurredAt,
      assessedPrecision: event.occurredPrecision,
      recordedAt: event.recordedAt,
      lastPosition: event.position,
    };
  },
};
