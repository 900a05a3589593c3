import { randomUUID } from 'node:crypto';
import { ActionState, CommitmentState, DecisionContext, eventDefinition, requirePartialDate, SaydoEvent, Source, UNKNOWN } from '@saydo/domain';
import { NewEvent } from '@saydo/event-store';

/**
 * Turns a typed domain event into what the store appends, the way a command handler would:
 * stream and schema version from the event catalogue, `subjects` from `subjectsOf` (with the
 * commitment and action states the handler loaded), sources in the metadata.
 */
export function newDomainEvent(event: SaydoEvent, options: { occurredAt: string; sources?: readonly Source[]; lookup?: { commitment?: CommitmentState; action?: ActionState } }): NewEvent {
  const info = eventDefinition(event.type);
  const context = {
    commitment: () => options.lookup?.commitment ?? UNKNOWN,
    action: () => options.lookup?.action ?? UNKNOWN,
    stakeholder: () => UNKNOWN,
    policy: () => UNKNOWN,
    event: () => null,
  } as unknown as DecisionContext;
  return {
    eventId: randomUUID(),
    streamId: info.streamId(event.data, context),
    type: event.type,
    schemaVersion: info.schemaVersion,
    data: { ...event.data },
    metadata: { sources: (options.sources ?? []).map((source) => ({ ...source })), subjects: info.subjects(event.data, context) },
    occurredAt: requirePartialDate(options.occurredAt),
  };
}

/** A source as a contributor would cite it. */
export function sourceOf(publisher: string, publishedAt: string, title: string, quote: string): Source {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { url: `https://example.org/${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${slug}`, publisher, title, publishedAt, quote };
}
