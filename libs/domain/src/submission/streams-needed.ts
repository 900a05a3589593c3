import { eventDefinition, findEventDefinition } from '../catalogue/event-catalogue';
import { DecisionContext, KnownEvent, ReferenceLookup } from '../catalogue/event-definition';
import { Submission } from './submission';

/** Events the rules consult by id (the targets of corrections and retractions), loaded first. */
export function eventsNeededBy(submissions: readonly Submission[]): string[] {
  return [...new Set(submissions.flatMap((s) => eventDefinition(s.type).references(s.data).eventIds ?? []))];
}

/** Every stream the decisions need: each submission's own stream and the streams its rules consult. */
export function streamsNeededBy(submissions: readonly Submission[], knownEvents: ReadonlyMap<string, KnownEvent>): string[] {
  const lookup: ReferenceLookup = { event: (id: string) => knownEvents.get(id) ?? null, definition: findEventDefinition };
  const ids = new Set<string>();
  for (const submission of submissions) {
    const definition = eventDefinition(submission.type);
    const references = definition.references(submission.data, lookup);
    references.streams.forEach((id) => ids.add(id));
    (references.eventIds ?? []).forEach((id) => {
      const target = knownEvents.get(id);
      if (target) ids.add(target.streamId);
    });
    if (definition.category !== 'any') ids.add(definition.streamId(submission.data, lookup as DecisionContext));
  }
  return [...ids];
}
