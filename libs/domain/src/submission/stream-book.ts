import { actionDecider, ActionState } from '../action/action.decider';
import { ActionEvent } from '../action/action.events';
import { SaydoEvent } from '../catalogue/event-catalogue';
import { streamIdOf } from '../catalogue/stream-ids';
import { commitmentDecider, CommitmentState } from '../commitment/commitment.decider';
import { CommitmentEvent } from '../commitment/commitment.events';
import { foldEvents } from '../shared/decider';
import { stakeholderDecider, StakeholderState } from '../stakeholder/stakeholder.decider';
import { StakeholderEvent } from '../stakeholder/stakeholder.events';
import { LoadedStream } from './submission';

/**
 * The streams a batch of submissions reads and writes, as loaded plus what the batch has
 * decided so far, so later submissions see earlier ones (register, then pledge, in one batch).
 */
export class StreamBook {
  private readonly streams = new Map<string, LoadedStream>();
  /** Version each written stream had when loaded: the expected version of the append. */
  readonly expectedVersions = new Map<string, number>();

  constructor(loaded: ReadonlyMap<string, LoadedStream>) {
    for (const [id, stream] of loaded) this.streams.set(id, { version: stream.version, events: [...stream.events] });
  }

  version(streamId: string): number {
    return this.streams.get(streamId)?.version ?? 0;
  }

  stakeholder(stakeholderId: string): StakeholderState {
    return foldEvents(stakeholderDecider, this.events<StakeholderEvent>(streamIdOf('stakeholder', stakeholderId)));
  }

  commitment(commitmentId: string): CommitmentState {
    return foldEvents(commitmentDecider, this.events<CommitmentEvent>(streamIdOf('commitment', commitmentId)));
  }

  action(actionId: string): ActionState {
    return foldEvents(actionDecider, this.events<ActionEvent>(streamIdOf('action', actionId)));
  }

  record(streamId: string, events: readonly SaydoEvent[]): void {
    const stream = this.streams.get(streamId) ?? { version: 0, events: [] };
    if (!this.expectedVersions.has(streamId)) this.expectedVersions.set(streamId, stream.version);
    this.streams.set(streamId, { version: stream.version + events.length, events: [...stream.events, ...events] });
  }

  private events<E extends SaydoEvent>(streamId: string): E[] {
    return (this.streams.get(streamId)?.events ?? []) as E[];
  }
}
