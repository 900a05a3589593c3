import { Decider, foldEvents } from '../shared/decider';
import { DecisionContext } from './event-definition';
import { eventDefinition, SaydoEvent } from './event-catalogue';
import { StreamCategory } from './stream-ids';
import { ActionState, CommitmentState, PolicyState, StakeholderState, UNKNOWN } from './stream-states';

/** A command to a stream: "record this fact", with everything its rules may consult. */
export interface StreamCommand {
  type: string;
  data: Record<string, unknown>;
  context: DecisionContext;
}

/**
 * The decider of one stream kind, assembled from the event definitions: `decide` runs the
 * definition's rules against the stream's state, `evolve` its state change.
 */
function streamDecider<State>(): Decider<State, StreamCommand, SaydoEvent> {
  return {
    initialState: () => UNKNOWN as State,
    decide(command, state) {
      eventDefinition(command.type).decide(command.data, state, command.context);
      return [{ type: command.type, data: command.data }];
    },
    evolve: (state, event) => eventDefinition(event.type).evolve(state, event.data) as State,
  };
}

export const stakeholderDecider = streamDecider<StakeholderState>();
export const commitmentDecider = streamDecider<CommitmentState>();
export const actionDecider = streamDecider<ActionState>();
export const policyDecider = streamDecider<PolicyState>();

const DECIDERS: Record<StreamCategory, Decider<unknown, StreamCommand, SaydoEvent>> = {
  stakeholder: stakeholderDecider as Decider<unknown, StreamCommand, SaydoEvent>,
  commitment: commitmentDecider as Decider<unknown, StreamCommand, SaydoEvent>,
  action: actionDecider as Decider<unknown, StreamCommand, SaydoEvent>,
  policy: policyDecider as Decider<unknown, StreamCommand, SaydoEvent>,
};

export function deciderOf(category: StreamCategory): Decider<unknown, StreamCommand, SaydoEvent> {
  return DECIDERS[category];
}

export function foldStream<State>(category: StreamCategory, events: readonly SaydoEvent[]): State {
  return foldEvents(deciderOf(category), events) as State;
}
