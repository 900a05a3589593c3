import { randomUUID } from 'node:crypto';
import { decideSubmissions, DecidedEvent, LoadedStream } from '@saydo/domain';
import { A_SOURCE, NOW } from '../../libs/domain/src/testing/decider-specification';

/** Decides submissions one by one against the streams decided so far (as the API would). */
export function sequentialDecider() {
  const loaded = new Map<string, LoadedStream>();
  return (type: string, data: Record<string, unknown>, sources = [A_SOURCE]): DecidedEvent => {
    const [event] = decideSubmissions([{ type, data, occurredAt: '2026-01', sources }], { loaded, now: NOW, newEventId: randomUUID }).events;
    const stream = loaded.get(event.streamId) ?? { version: 0, events: [] };
    loaded.set(event.streamId, { version: stream.version + 1, events: [...stream.events, { eventId: event.eventId, type, data, subjects: event.subjects }] });
    return event;
  };
}
