import { LoadedStream, SaydoEvent } from '@saydo/domain';
import { PostgresEventStore } from '@saydo/event-store';

/** Loads the streams a decision needs, in one round trip, as plain domain events. */
export async function loadStreams(store: PostgresEventStore, streamIds: readonly string[]): Promise<Map<string, LoadedStream>> {
  const stored = await store.readStreams(streamIds);
  const loaded = new Map<string, LoadedStream>();
  for (const [streamId, events] of stored) {
    loaded.set(streamId, {
      version: events.length ? events[events.length - 1].streamVersion : 0,
      // Every type is at schema version 1 today; an upcaster per (type, version) would sit here.
      events: events.map((event) => ({ type: event.type, data: event.data }) as SaydoEvent),
    });
  }
  return loaded;
}
