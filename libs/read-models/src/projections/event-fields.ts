import { StoredEvent } from '@saydo/event-store';

/** Typed access to an event's data; projections only see events of the types they handle. */
export function dataOf<T>(event: StoredEvent): T {
  return event.data as unknown as T;
}
