/**
 * A decider in the emmett sense: pure business rules for one stream kind.
 * `decide` turns a command and the current state into new events (or throws a DomainError);
 * `evolve` folds one event into the state. No I/O, no clock: time arrives inside commands.
 */
export interface Decider<State, Command, Event> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** Folds a stream's events into its state with the decider's `evolve`. */
export function foldEvents<State, Event>(decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
