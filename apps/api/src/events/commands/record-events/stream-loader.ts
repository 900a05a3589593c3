import { KnownEvent, LoadedStream } from '@saydo/domain';
import { PostgresEventStore, StoredEvent } from '@saydo/event-store';

/** Loads the streams a decision needs as the domain sees them (one query, shared with the writers that load at the same time). */
export async function loadStreams(store: PostgresEventStore, streamIds: readonly string[]): Promise<Map<string, LoadedStream>> {
  const stored = await store.readStreamsForDecision(streamIds);
  const loaded = new Map<string, LoadedStream>();
  for (const streamId of streamIds) {
    const events = stored.get(streamId) ?? [];
    loaded.set(streamId, {
      version: events.length ? events[events.length - 1].streamVersion : 0,
      // Every type is at schema version 1 today; an upcaster per (type, version) would sit here.
      events: events.map(({ eventId, type, data, subjects }) => ({ eventId, type, data, subjects })),
    });
  }
  return loaded;
}

/** The events editorial acts point at, by id. */
export async function loadEvents(store: PostgresEventStore, eventIds: readonly string[]): Promise<Map<string, KnownEvent>> {
  const events = await store.readEventsByIds(eventIds);
  return new Map(events.map((event: StoredEvent) => [event.eventId, { eventId: event.eventId, type: event.type, streamId: event.streamId, data: event.data, subjects: event.metadata.subjects }]));
}
