import { ActionState } from '../action/action.decider';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertHasHappened, assertSourced, FactContext } from '../shared/fact-context';
import { StakeholderState } from '../stakeholder/stakeholder.decider';
import { AssessmentRecorded, CommitmentEvent, CommitmentKind, PledgeMade, RedLineStated } from './commitment.events';

export type CommitmentState =
  | { status: 'unknown' }
  | { status: 'stated'; commitmentId: string; kind: CommitmentKind; stakeholderId: string; topics: string[]; assessedActionIds: string[] };

export type MakePledge = { type: 'MakePledge'; data: PledgeMade['data']; context: FactContext; stakeholder: StakeholderState };
export type StateRedLine = { type: 'StateRedLine'; data: RedLineStated['data']; context: FactContext; stakeholder: StakeholderState };
/** The assessed action's state is loaded by the handler from its own stream. */
export type RecordAssessment = { type: 'RecordAssessment'; data: AssessmentRecorded['data']; context: FactContext; action: ActionState };
export type CommitmentCommand = MakePledge | StateRedLine | RecordAssessment;

export const commitmentDecider: Decider<CommitmentState, CommitmentCommand, CommitmentEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    switch (command.type) {
      case 'MakePledge':
      case 'StateRedLine': {
        const eventType = command.type === 'MakePledge' ? 'PledgeMade' : 'RedLineStated';
        if (state.status === 'stated') {
          throw new DomainError('commitment-already-stated', `commitment ${command.data.commitmentId} is already stated`, 'conflict');
        }
        if (command.stakeholder.status !== 'registered') {
          throw new DomainError('stakeholder-not-registered', `stakeholder ${command.data.stakeholderId} is not registered`, 'unprocessable', {
            stakeholderIds: [command.data.stakeholderId],
          });
        }
        assertHasHappened(command.context);
        assertSourced(command.context, eventType);
        return command.type === 'MakePledge'
          ? [{ type: 'PledgeMade', data: command.data }]
          : [{ type: 'RedLineStated', data: command.data }];
      }
      case 'RecordAssessment': {
        const { data } = command;
        if (state.status !== 'stated') {
          throw new DomainError('commitment-not-found', `commitment ${data.commitmentId} does not exist`, 'unprocessable');
        }
        if (command.action.status !== 'recorded') {
          throw new DomainError('action-not-found', `action ${data.actionId} does not exist`, 'unprocessable');
        }
        if (state.assessedActionIds.includes(data.actionId)) {
          throw new DomainError('assessment-already-recorded', `action ${data.actionId} is already assessed against ${data.commitmentId}`, 'conflict');
        }
        assertHasHappened(command.context);
        return [{ type: 'AssessmentRecorded', data }];
      }
      default: {
        const exhaustive: never = command;
        throw new Error(`unknown command ${String(exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PledgeMade':
      case 'RedLineStated':
        return {
          status: 'stated',
          commitmentId: event.data.commitmentId,
          kind: event.type === 'PledgeMade' ? 'pledge' : 'red_line',
          stakeholderId: event.data.stakeholderId,
          topics: [...event.data.topics],
          assessedActionIds: [],
        };
      case 'AssessmentRecorded':
        return state.status === 'stated' ? { ...state, assessedActionIds: [...state.assessedActionIds, event.data.actionId] } : state;
      default: {
        const exhaustive: never = event;
        return exhaustive ?? state;
      }
    }
  },
};
