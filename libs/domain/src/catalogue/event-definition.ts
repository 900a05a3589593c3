import { DataSchema } from '../schema/field-spec';
import { PartialDate } from '../shared/partial-date';
import { Source } from '../shared/source';
import { StreamCategory } from './stream-ids';
import { ActionState, CommitmentState, PolicyState, StakeholderState } from './stream-states';

/** Who may submit an event: facts are for contributors, judgements and editorial acts for editors. */
export type WriterRole = 'contributor' | 'editor';
export type EventFamily = 'stakeholder' | 'said' | 'policy' | 'done' | 'judged' | 'editorial';

/** An event already in the log, as the rules of editorial events need it. */
export interface KnownEvent {
  eventId: string;
  type: string;
  streamId: string;
  data: Record<string, unknown>;
  subjects: string[];
}

/** Everything a rule may consult: the fact's context and the state of the streams it references. */
export interface DecisionContext {
  now: string;
  occurredAt: PartialDate;
  sources: readonly Source[];
  stakeholder(id: string): StakeholderState;
  commitment(id: string): CommitmentState;
  action(id: string): ActionState;
  policy(id: string): PolicyState;
  event(eventId: string): KnownEvent | null;
  isRetracted(eventId: string): boolean;
  /** The definition of another event type (editorial events check corrected data with it). */
  definition(type: string): EventDefinition<Record<string, unknown>, unknown> | undefined;
  /**
   * The state of an event's stream as if that event had never been recorded: a correction is
   * checked by the original type's own rules, as if the corrected event were recorded instead.
   */
  stateWithout(eventId: string): unknown;
}

/** What `references` may consult: the events loaded by id first (the targets of editorial acts). */
export type ReferenceLookup = Pick<DecisionContext, 'event' | 'definition'>;

export interface References {
  streams: string[];
  eventIds?: string[];
}

/**
 * Everything about one event type, in one file: its data schema (validation and OpenAPI), an
 * example, its stream, the rules that accept or refuse it, how it changes its stream's state,
 * and whom it is about. Adding a type means adding one such file to its family's folder.
 */
export interface EventDefinition<Data = Record<string, unknown>, State = unknown> {
  type: string;
  schemaVersion: number;
  family: EventFamily;
  category: StreamCategory | 'any';
  role: WriterRole;
  /** Facts about the world need at least one source. */
  factual: boolean;
  description: string;
  schema: DataSchema;
  example: Data;
  streamId(data: Data, context: DecisionContext): string;
  /** Streams and events the rules consult; `lookup` is there once the events named by id are loaded. */
  references(data: Data, lookup?: ReferenceLookup): References;
  /** Throws a DomainError when a rule is broken; `state` is the state of the event's own stream. */
  decide(data: Data, state: State, context: DecisionContext): void;
  evolve(state: State, data: Data): State;
  subjects(data: Data, context: DecisionContext): string[];
}

/** Helper that keeps each definition typed by its data and its stream's state. */
export function defineEvent<Data, State>(definition: EventDefinition<Data, State>): EventDefinition<Data, State> {
  return definition;
}
