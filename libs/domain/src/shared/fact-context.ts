import { DomainError } from './domain-error';
import { PartialDate, startsAfter } from './partial-date';
import { Source } from './source';

/**
 * What every submitted fact carries besides its data: when it happened in the world,
 * the evidence, and the moment it is being recorded (time arrives as data, never from a clock).
 */
export interface FactContext {
  occurredAt: PartialDate;
  sources: readonly Source[];
  now: string;
}

/** A fact cannot be dated after the moment it is recorded: "2026-03" is accepted on 2026-03-09, "2026-04" is not. */
export function assertHasHappened(context: FactContext): void {
  if (startsAfter(context.occurredAt, context.now)) {
    throw new DomainError('occurred-in-future', `occurredAt ${context.occurredAt.value} is after the time of recording ${context.now}`, 'unprocessable', {
      occurredAt: context.occurredAt.value,
    });
  }
}

/** Facts about the world need evidence; editorial judgements carry a rationale instead. */
export function assertSourced(context: FactContext, eventType: string): void {
  if (context.sources.length === 0) {
    throw new DomainError('source-required', `${eventType} needs at least one source`, 'unprocessable');
  }
}
