import { DomainError } from '../../shared/domain-error';
import { DataSchema, field } from '../../schema/field-spec';
import { DecisionContext } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registered } from '../rules';
import { streamIdOf } from '../stream-ids';
import { CommitmentState } from '../stream-states';
import { CommitmentKind } from '../vocabulary';

export type CommitmentStatedData = { commitmentId: string; stakeholderId: string; text: string; topics: string[]; dueBy?: string };

/** What PledgeMade and RedLineStated share: a new commitment of a registered stakeholder. */
export const commitmentSchema: DataSchema = {
  commitmentId: field.slug('Id of the new commitment'),
  stakeholderId: field.slug('Who commits'),
  text: field.text('What was said, as close to the words as possible'),
  topics: field.topics(),
};

export function decideStatement(type: string, data: CommitmentStatedData, state: CommitmentState, context: DecisionContext): void {
  if (state.status === 'stated') throw new DomainError('commitment-already-stated', `commitment ${data.commitmentId} is already stated`, 'conflict');
  registered(context.stakeholder(data.stakeholderId), data.stakeholderId);
  mustHaveHappened(context);
  mustBeSourced(context, type);
}

export function stateCommitment(kind: CommitmentKind, data: CommitmentStatedData): CommitmentState {
  return { status: 'stated', commitmentId: data.commitmentId, kind, stakeholderId: data.stakeholderId, topics: [...data.topics], withdrawn: false, assessments: [], disputes: [], dismissedActionIds: [] };
}

export const commitmentStream = (data: { commitmentId: string }) => streamIdOf('commitment', data.commitmentId);
export const ownerReference = (data: { stakeholderId: string }) => ({ streams: [streamIdOf('stakeholder', data.stakeholderId)] });
