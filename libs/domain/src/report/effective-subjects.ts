import { findEventDefinition } from '../catalogue/event-catalogue';
import { DecisionContext } from '../catalogue/event-definition';
import { ReportEvent } from './report-event';

/** Thrown by the context below: the type's subjects come from other streams, not from its data. */
class NeedsOtherStreams extends Error {}

const NO_STREAMS = new Proxy({} as DecisionContext, {
  get: () => {
    throw new NeedsOtherStreams();
  },
});

/**
 * Whom an event is about once corrected, by its own type's `subjects` rule applied to the
 * corrected data (a correction may change counterparties or an organisation, never the owner).
 * Types whose subjects come from other streams (judgements, follow-ups of a commitment) keep
 * the subjects they were recorded with: the ids and owners those depend on cannot be corrected.
 */
export function subjectsOfCorrectedData(type: string, data: Record<string, unknown>, recorded: readonly string[]): string[] {
  const definition = findEventDefinition(type);
  if (!definition) return [...recorded];
  try {
    return definition.subjects(data, NO_STREAMS);
  } catch (error) {
    if (error instanceof NeedsOtherStreams) return [...recorded];
    throw error;
  }
}

const parties = (data: Record<string, unknown>): string[] => [String(data.stakeholderId), ...((data.counterpartyIds as string[] | undefined) ?? [])];

/**
 * Whether each event concerns the stakeholder, as the data now stands. Facts: the subjects of
 * their corrected data. Judgements of an action: the commitment's owner (a subject the judgement
 * was recorded with that was never a party to the action) and the action's parties as corrected,
 * so a judgement follows its action from a corrected-away counterparty to the new one.
 */
export function concerns(events: readonly ReportEvent[], effective: readonly ReportEvent[], stakeholderId: string): (event: ReportEvent) => boolean {
  const current = new Map(effective.map((e) => [e.eventId, e]));
  const actions = new Map(effective.filter((e) => findEventDefinition(e.type)?.family === 'done').map((e) => [String(e.data.actionId), e]));
  const everParties = new Map<string, Set<string>>();
  const byId = new Map(events.map((e) => [e.eventId, e]));
  for (const event of events) {
    const target = event.type === 'EventCorrected' ? byId.get(String(event.data.eventId)) : event;
    if (!target || findEventDefinition(target.type)?.family !== 'done') continue;
    const data = event.type === 'EventCorrected' ? (event.data.data as Record<string, unknown>) : event.data;
    const set = everParties.get(String(target.data.actionId)) ?? new Set<string>();
    parties(data).forEach((id) => set.add(id));
    everParties.set(String(target.data.actionId), set);
  }
  return (event) => {
    const action = findEventDefinition(event.type)?.family === 'judged' && typeof event.data.actionId === 'string' ? actions.get(event.data.actionId) : undefined;
    if (!action) return (current.get(event.eventId) ?? event).subjects.includes(stakeholderId);
    const asOwner = event.subjects.includes(stakeholderId) && !everParties.get(String(event.data.actionId))?.has(stakeholderId);
    return asOwner || parties(action.data).includes(stakeholderId);
  };
}
