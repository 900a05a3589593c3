import { ProjectionEvent } from '../projection/projection-events';

/** Typed access to an event's data; projections only see events of the types they handle. */
export function dataOf<T>(event: ProjectionEvent): T {
  return event.data as unknown as T;
}
