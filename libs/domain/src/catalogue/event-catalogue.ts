import { DONE_EVENTS } from './done';
import { EDITORIAL_EVENTS } from './editorial';
import { EventDefinition } from './event-definition';
import { JUDGED_EVENTS } from './judged';
import { POLICY_EVENTS } from './policy';
import { SAID_EVENTS } from './said';
import { STAKEHOLDER_EVENTS } from './stakeholder';

export type AnyEventDefinition = EventDefinition<Record<string, unknown>, unknown>;

/** The single registry of event types, assembled from each family's folder. */
export const EVENT_DEFINITIONS: readonly AnyEventDefinition[] = [
  ...STAKEHOLDER_EVENTS, ...SAID_EVENTS, ...POLICY_EVENTS, ...DONE_EVENTS, ...JUDGED_EVENTS, ...EDITORIAL_EVENTS,
] as unknown as AnyEventDefinition[];

const BY_TYPE = new Map(EVENT_DEFINITIONS.map((definition) => [definition.type, definition]));

export const SAYDO_EVENT_TYPES: readonly string[] = EVENT_DEFINITIONS.map((definition) => definition.type);

/** An event as the domain sees it: a type from the catalogue and its data. */
export interface SaydoEvent {
  type: string;
  data: Record<string, unknown>;
}

export function eventDefinition(type: string): AnyEventDefinition {
  const definition = BY_TYPE.get(type);
  if (!definition) throw new RangeError(`unknown event type ${type}`);
  return definition;
}

export function findEventDefinition(type: string): AnyEventDefinition | undefined {
  return BY_TYPE.get(type);
}

/** Event types of one family (the actions projection handles every "done" type, for example). */
export function eventTypesOf(family: AnyEventDefinition['family']): string[] {
  return EVENT_DEFINITIONS.filter((definition) => definition.family === family).map((definition) => definition.type);
}
