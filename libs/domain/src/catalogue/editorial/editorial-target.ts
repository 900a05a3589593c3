import { DomainError } from '../../shared/domain-error';
import { DecisionContext, KnownEvent } from '../event-definition';

/** The event an editorial act points at: it must exist, be a fact or a judgement, and not be retracted. */
export function editorialTarget(context: DecisionContext, eventId: string): KnownEvent {
  const target = context.event(eventId);
  if (!target) throw new DomainError('event-not-found', `no event ${eventId}`);
  if (context.definition(target.type)?.family === 'editorial') throw new DomainError('editorial-target', 'an editorial event cannot itself be corrected or retracted; act on the original');
  if (context.isRetracted(eventId)) throw new DomainError('event-retracted', `event ${eventId} is already retracted`, 'conflict');
  return target;
}

/** Editorial events go to the stream of the event they act on, so its projections see them in order. */
export function targetStream(context: DecisionContext, eventId: string): string {
  const target = context.event(eventId);
  if (!target) throw new DomainError('event-not-found', `no event ${eventId}`);
  return target.streamId;
}
