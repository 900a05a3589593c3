import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertHasHappened, FactContext } from '../shared/fact-context';
import { StakeholderEvent, StakeholderKind, StakeholderRegistered } from './stakeholder.events';

export type StakeholderState =
  | { status: 'unknown' }
  | { status: 'registered'; stakeholderId: string; name: string; kind: StakeholderKind };

export type RegisterStakeholder = { type: 'RegisterStakeholder'; data: StakeholderRegistered['data']; context: FactContext };
export type StakeholderCommand = RegisterStakeholder;

export const stakeholderDecider: Decider<StakeholderState, StakeholderCommand, StakeholderEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterStakeholder': {
        if (state.status === 'registered') {
          throw new DomainError('stakeholder-already-registered', `stakeholder ${command.data.stakeholderId} is already registered`, 'conflict');
        }
        assertHasHappened(command.context);
        return [{ type: 'StakeholderRegistered', data: command.data }];
      }
      default: {
        const exhaustive: never = command.type;
        throw new Error(`unknown command ${String(exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'StakeholderRegistered':
        return { status: 'registered', ...event.data };
      default: {
        const exhaustive: never = event.type;
        return exhaustive ?? state;
      }
    }
  },
};

export function isRegistered(state: StakeholderState): state is Extract<StakeholderState, { status: 'registered' }> {
  return state.status === 'registered';
}
