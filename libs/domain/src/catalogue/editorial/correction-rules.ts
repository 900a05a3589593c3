import { DomainError } from '../../shared/domain-error';
import { requirePartialDate, startsAfter } from '../../shared/partial-date';
import { Source } from '../../shared/source';
import { DecisionContext, KnownEvent } from '../event-definition';
import { unique } from '../rules';

/**
 * What a correction may change. An event's identity is every single id it carries: the stream
 * ids (`commitmentId`, `actionId`, `policyId`), its owner, actor or subject (`stakeholderId`),
 * and what a judgement or an affiliation points at (`disputeId`, `organizationId`). Correcting
 * any of them would make it another event: retract it and record the right one. Everything
 * else may change (counterparties, topics, cited commitments, texts, relations, dates), and is
 * checked by the original type's own rules, as if the corrected event were recorded now.
 */
export function identityFieldsChanged(original: Record<string, unknown>, corrected: Record<string, unknown>): string[] {
  const identity = unique([...Object.keys(original), ...Object.keys(corrected)]).filter((key) => /Id$/.test(key) && (typeof original[key] === 'string' || typeof corrected[key] === 'string'));
  return identity.filter((key) => original[key] !== corrected[key]);
}

export function mustKeepIdentity(target: KnownEvent, corrected: Record<string, unknown>): void {
  const changed = identityFieldsChanged(target.data, corrected);
  if (changed.length === 0) return;
  throw new DomainError(
    'correction-changes-identity',
    `a correction cannot change ${changed.join(', ')} of a ${target.type}: that would be another event. Retract this one (EventRetracted) and record the right one anew`,
    'unprocessable',
    { fields: changed },
  );
}

/**
 * The original's sources stand (a correction replaces data, not evidence), so its type's rule
 * that a fact needs a source is met even when the correction itself cites none.
 */
const ORIGINAL_SOURCES: readonly Source[] = Object.freeze([Object.freeze({ url: 'urn:saydo:original-sources', publisher: '', title: '', publishedAt: '', quote: '' })]);

/** Runs the target type's own rules on the corrected data, against its stream without the original. */
export function checkLikeTheOriginal(target: KnownEvent, corrected: Record<string, unknown>, correctedOccurredAt: string | undefined, context: DecisionContext): void {
  const definition = context.definition(target.type)!;
  if (correctedOccurredAt && startsAfter(requirePartialDate(correctedOccurredAt), context.now)) {
    throw new DomainError('occurred-in-future', `corrected occurredAt ${correctedOccurredAt} is after the time of recording`);
  }
  const asRecordedInstead: DecisionContext = {
    ...context,
    occurredAt: correctedOccurredAt ? requirePartialDate(correctedOccurredAt) : context.occurredAt,
    sources: context.sources.length > 0 ? context.sources : ORIGINAL_SOURCES,
  };
  definition.decide(corrected, context.stateWithout(target.eventId), asRecordedInstead);
}
