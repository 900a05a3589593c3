import { DomainError } from '../../shared/domain-error';
import { DataSchema, field, MAX_PARTIES, TEXT } from '../../schema/field-spec';
import { DecisionContext, defineEvent, EventDefinition } from '../event-definition';
import { mustBeSourced, mustHaveHappened, registeredStakeholders, unique } from '../rules';
import { streamIdOf } from '../stream-ids';
import { ActionState } from '../stream-states';

/** Every action: who did it, the other parties, what it is, and its topics (for tension detection). */
export interface ActionData {
  actionId: string;
  stakeholderId: string;
  counterpartyIds: string[];
  title: string;
  topics: string[];
}

const ACTION_SCHEMA: DataSchema = {
  actionId: field.slug('Id of the new action'),
  stakeholderId: field.slug('Who acted (for a reaction: whom it is about)'),
  counterpartyIds: field.slugs('The other parties', MAX_PARTIES),
  title: field.text('What happened, in a line', TEXT.title),
  topics: field.topics(),
};

interface ActionType<Extra> {
  type: string;
  description: string;
  schema: DataSchema;
  example: ActionData & Extra;
  /** Streams the extra rule consults. */
  references?: (data: ActionData & Extra) => string[];
  /** A rule of this action type beyond the common ones. */
  rule?: (data: ActionData & Extra, context: DecisionContext) => void;
}

/** Defines a "done" event type: its own fields on top of the common action fields and rules. */
export function defineAction<Extra = object>(spec: ActionType<Extra>): EventDefinition<ActionData & Extra, ActionState> {
  return defineEvent<ActionData & Extra, ActionState>({
    type: spec.type, schemaVersion: 1, family: 'done', category: 'action', role: 'contributor', factual: true,
    description: spec.description,
    schema: { ...ACTION_SCHEMA, ...spec.schema },
    example: spec.example,
    streamId: (data) => streamIdOf('action', data.actionId),
    references: (data) => ({
      streams: unique([...[data.stakeholderId, ...data.counterpartyIds].map((id) => streamIdOf('stakeholder', id)), ...(spec.references?.(data) ?? [])]),
    }),
    decide(data, state, context) {
      if (state.status === 'recorded') throw new DomainError('action-already-recorded', `action ${data.actionId} is already recorded`, 'conflict');
      if (data.counterpartyIds.includes(data.stakeholderId)) throw new DomainError('actor-is-counterparty', `${data.stakeholderId} cannot be its own counterparty`);
      registeredStakeholders(context, [data.stakeholderId, ...data.counterpartyIds]);
      spec.rule?.(data, context);
      mustHaveHappened(context);
      mustBeSourced(context, spec.type);
    },
    evolve: (_state, data) => ({
      status: 'recorded', actionId: data.actionId, type: spec.type, stakeholderId: data.stakeholderId, counterpartyIds: [...data.counterpartyIds], topics: [...data.topics],
    }),
    subjects: (data) => unique([data.stakeholderId, ...data.counterpartyIds]),
  });
}
