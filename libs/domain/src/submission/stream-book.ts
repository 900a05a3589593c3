import { findEventDefinition } from '../catalogue/event-catalogue';
import { DecisionContext, KnownEvent } from '../catalogue/event-definition';
import { foldStream } from '../catalogue/stream-deciders';
import { categoryOf, STREAM_CATEGORIES, StreamCategory, streamIdOf } from '../catalogue/stream-ids';
import { ActionState, CommitmentState, PolicyState, StakeholderState, UNKNOWN } from '../catalogue/stream-states';
import { PartialDate } from '../shared/partial-date';
import { Source } from '../shared/source';
import { LoadedStream, LoggedEvent } from './submission';

/**
 * The streams a batch of submissions reads and writes, as loaded plus what the batch has
 * decided so far, so later submissions see earlier ones (register, then pledge, in one batch).
 *
 * It also notes every stream the rules consulted (a state, a version, an event looked up by id,
 * whether it was retracted) besides those written: the decision holds only while none of them
 * has moved, so the append checks all of them (a retraction of an action committed while an
 * assessment of that action was being decided must make the assessment's append fail).
 */
export class StreamBook {
  private readonly streams = new Map<string, LoadedStream>();
  private readonly events = new Map<string, KnownEvent>();
  /** Version of each stream as loaded, before anything this batch decided. */
  private readonly loadedVersions = new Map<string, number>();
  /** Streams the decision read or wrote. */
  private readonly consulted = new Set<string>();

  constructor(loaded: ReadonlyMap<string, LoadedStream>, known: ReadonlyMap<string, KnownEvent>) {
    for (const event of known.values()) this.events.set(event.eventId, event);
    for (const [id, stream] of loaded) {
      this.streams.set(id, { version: stream.version, events: [...stream.events] });
      this.loadedVersions.set(id, stream.version);
      for (const event of stream.events) this.events.set(event.eventId, knownEvent(event, id));
    }
  }

  /**
   * For every stream read or written, the version it had when loaded (0: it did not exist): the
   * expected versions of the append. A stream read but never loaded counts as absent, so if it
   * exists the append fails, and the app loads every stream named here before deciding again.
   */
  get expectedVersions(): Map<string, number> {
    return new Map([...this.consulted].map((id) => [id, this.loadedVersions.get(id) ?? 0]));
  }

  version(streamId: string): number {
    this.consulted.add(streamId);
    return this.streams.get(streamId)?.version ?? 0;
  }

  /**
   * The stream's state for the rules, folded without its retracted events (a retracted fact can
   * no longer be judged or revised, and its id can be recorded again, correctly) and with the
   * corrected data of corrected ones (a judgement of a corrected action is about its corrected
   * parties). `without` leaves one more event out (a correction is checked as if recorded instead).
   */
  state<State>(streamId: string, without?: string): State {
    const category = categoryOf(streamId);
    if (!(STREAM_CATEGORIES as readonly string[]).includes(category)) return UNKNOWN as State;
    this.consulted.add(streamId);
    const events = this.streams.get(streamId)?.events ?? [];
    // A stream not yet written (every registration) has nothing to leave out or correct.
    if (events.length === 0) return foldStream<State>(category as StreamCategory, events);
    const retracted = new Set([...events.filter((e) => e.type === 'EventRetracted').map((e) => e.data.eventId), without]);
    const corrected = new Map(events.filter((e) => e.type === 'EventCorrected').map((e) => [e.data.eventId, e.data.data as Record<string, unknown>]));
    const counted = events
      .filter((e) => !retracted.has(e.eventId) && findEventDefinition(e.type)?.family !== 'editorial')
      .map((e) => (corrected.has(e.eventId) ? { ...e, data: corrected.get(e.eventId)! } : e));
    const state = foldStream<State & { status: string }>(category as StreamCategory, counted);
    const foundingRetracted = state.status === 'unknown' && events.some((e) => e.type !== 'EventRetracted' && retracted.has(e.eventId) && e.eventId !== without);
    return (foundingRetracted ? { ...state, retracted: true } : state) as State;
  }

  /** The book's lookups, made once per book rather than once per submission (a batch shares them). */
  private readonly lookups: Omit<DecisionContext, 'now' | 'occurredAt' | 'sources'> = {
    stakeholder: (id) => this.state<StakeholderState>(streamIdOf('stakeholder', id)),
    commitment: (id) => this.state<CommitmentState>(streamIdOf('commitment', id)),
    action: (id) => this.state<ActionState>(streamIdOf('action', id)),
    policy: (id) => this.state<PolicyState>(streamIdOf('policy', id)),
    event: (id) => this.lookUp(id),
    isRetracted: (id) => {
      const target = this.lookUp(id);
      const stream = target ? this.streams.get(target.streamId) : undefined;
      return (stream?.events ?? []).some((e) => e.type === 'EventRetracted' && e.data.eventId === id);
    },
    definition: findEventDefinition,
    stateWithout: (id) => {
      const target = this.events.get(id);
      return target ? this.state(target.streamId, id) : UNKNOWN;
    },
  };

  context(fact: { now: string; occurredAt: PartialDate; sources: readonly Source[] }): DecisionContext {
    const { lookups } = this;
    // Written out, not `{ ...fact, stakeholder: ..., ... }`: V8 builds a spread followed by more
    // properties the slow way, about 20 us each time, three quarters of a one-event decision.
    // Plain own properties still (a correction's rules spread the context).
    return {
      now: fact.now,
      occurredAt: fact.occurredAt,
      sources: fact.sources,
      stakeholder: lookups.stakeholder,
      commitment: lookups.commitment,
      action: lookups.action,
      policy: lookups.policy,
      event: lookups.event,
      isRetracted: lookups.isRetracted,
      definition: lookups.definition,
      stateWithout: lookups.stateWithout,
    };
  }

  record(streamId: string, event: LoggedEvent): void {
    const stream = this.streams.get(streamId) ?? { version: 0, events: [] };
    this.consulted.add(streamId);
    this.streams.set(streamId, { version: stream.version + 1, events: [...stream.events, event] });
    this.events.set(event.eventId, knownEvent(event, streamId));
  }

  /** An event by id; its stream is read too, since retractions and corrections of it land there. */
  private lookUp(eventId: string): KnownEvent | null {
    const event = this.events.get(eventId) ?? null;
    if (event) this.consulted.add(event.streamId);
    return event;
  }
}

/**
 * Written out, not `{ ...event, streamId }`: V8 takes its slow path for a spread followed by
 * another property (several microseconds an event, on every event loaded and decided).
 */
function knownEvent(event: LoggedEvent, streamId: string): KnownEvent {
  return { eventId: event.eventId, type: event.type, streamId, data: event.data, subjects: event.subjects };
}
