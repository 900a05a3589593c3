import { ProjectionEvent } from '../projection/projection-events';
import { ReferencedEvents } from '../projection/row-projection';

/** The event an `EventCorrected` points at (ids compare as UUIDs: case does not matter). */
export const correctionTargetId = (event: ProjectionEvent): string[] => (event.type === 'EventCorrected' ? [String(event.data.eventId).toLowerCase()] : []);

export function correctionTarget(event: ProjectionEvent, referenced: ReferencedEvents): ProjectionEvent | null {
  const [id] = correctionTargetId(event);
  return (id && referenced.get(id)) || null;
}
