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
 */
export class StreamBook {
  private readonly streams = new Map<string, LoadedStream>();
  private readonly events = new Map<string, KnownEvent>();
  /** Version each written stream had when loaded: the expected version of the append. */
  readonly expectedVersions = new Map<string, number>();

  constructor(loaded: ReadonlyMap<string, LoadedStream>, known: ReadonlyMap<string, KnownEvent>) {
    for (const event of known.values()) this.events.set(event.eventId, event);
    for (const [id, stream] of loaded) {
      this.streams.set(id, { version: stream.version, events: [...stream.events] });
      for (const event of stream.events) this.events.set(event.eventId, { ...event, streamId: id });
    }
  }

  version(streamId: string): number {
    return this.streams.get(streamId)?.version ?? 0;
  }

  /**
   * The stream's state for the rules, folded without its retracted events: a retracted fact can
   * no longer be judged or revised, and its id can be recorded again, correctly.
   */
  state<State>(streamId: string): State {
    const category = categoryOf(streamId);
    if (!(STREAM_CATEGORIES as readonly string[]).includes(category)) return UNKNOWN as State;
    const events = this.streams.get(streamId)?.events ?? [];
    const retracted = new Set(events.filter((e) => e.type === 'EventRetracted').map((e) => e.data.eventId));
    const counted = events.filter((e) => !retracted.has(e.eventId) && findEventDefinition(e.type)?.family !== 'editorial');
    return foldStream<State>(category as StreamCategory, counted);
  }

  context(fact: { now: string; occurredAt: PartialDate; sources: readonly Source[] }): DecisionContext {
    return {
      ...fact,
      stakeholder: (id) => this.state<StakeholderState>(streamIdOf('stakeholder', id)),
      commitment: (id) => this.state<CommitmentState>(streamIdOf('commitment', id)),
      action: (id) => this.state<ActionState>(streamIdOf('action', id)),
      policy: (id) => this.state<PolicyState>(streamIdOf('policy', id)),
      event: (id) => this.events.get(id) ?? null,
      isRetracted: (id) => {
        const target = this.events.get(id);
        const stream = target ? this.streams.get(target.streamId) : undefined;
        return (stream?.events ?? []).some((e) => e.type === 'EventRetracted' && e.data.eventId === id);
      },
      definition: findEventDefinition,
    };
  }

  record(streamId: string, event: LoggedEvent): void {
    const stream = this.streams.get(streamId) ?? { version: 0, events: [] };
    if (!this.expectedVersions.has(streamId)) this.expectedVersions.set(streamId, stream.version);
    this.streams.set(streamId, { version: stream.version + 1, events: [...stream.events, event] });
    this.events.set(event.eventId, { ...event, streamId });
  }
}
