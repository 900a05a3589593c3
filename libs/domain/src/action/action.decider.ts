import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertHasHappened, assertSourced, FactContext } from '../shared/fact-context';
import { ActionEvent, ActionEventType, ContractData } from './action.events';

export type ActionState =
  | { status: 'unknown' }
  | { status: 'recorded'; actionId: string; type: ActionEventType; stakeholderId: string; counterpartyIds: string[]; topics: string[] };

/** The handler looks up which of the named stakeholders exist; the rule about them lives here. */
export interface ActionParties {
  registeredStakeholderIds: ReadonlySet<string>;
}

export type RecordContract = {
  type: 'RecordContract';
  outcome: 'ContractSigned' | 'ContractRefused';
  data: ContractData;
  context: FactContext;
  parties: ActionParties;
};
export type ActionCommand = RecordContract;

export const actionDecider: Decider<ActionState, ActionCommand, ActionEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordContract': {
        const { data } = command;
        if (state.status === 'recorded') {
          throw new DomainError('action-already-recorded', `action ${data.actionId} is already recorded`, 'conflict');
        }
        assertHasHappened(command.context);
        assertSourced(command.context, command.outcome);
        if (data.counterpartyIds.includes(data.stakeholderId)) {
          throw new DomainError('actor-is-counterparty', `${data.stakeholderId} cannot be its own counterparty`);
        }
        const unknown = [data.stakeholderId, ...data.counterpartyIds].filter((id) => !command.parties.registeredStakeholderIds.has(id));
        if (unknown.length > 0) {
          throw new DomainError('stakeholder-not-registered', `unregistered stakeholder(s): ${unknown.join(', ')}`, 'unprocessable', { stakeholderIds: unknown });
        }
        return [{ type: command.outcome, data }];
      }
      default: {
        const exhaustive: never = command.type;
        throw new Error(`unknown command ${String(exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContractSigned':
      case 'ContractRefused':
        return {
          status: 'recorded',
          actionId: event.data.actionId,
          type: event.type,
          stakeholderId: event.data.stakeholderId,
          counterpartyIds: [...event.data.counterpartyIds],
          topics: [...event.data.topics],
        };
      default: {
        const exhaustive: never = event;
        return exhaustive ?? state;
      }
    }
  },
};
