import { DomainError } from '../shared/domain-error';
import { startsAfter } from '../shared/partial-date';
import { DecisionContext } from './event-definition';
import { ActionState, CommitmentState, StakeholderState, wasRetracted } from './stream-states';

/** Rules several event types share. Each throws a DomainError with a stable code. */
export function mustHaveHappened(context: DecisionContext): void {
  if (startsAfter(context.occurredAt, context.now)) {
    throw new DomainError('occurred-in-future', `occurredAt ${context.occurredAt.value} is after the time of recording ${context.now}`, 'unprocessable', {
      occurredAt: context.occurredAt.value,
    });
  }
}

export function mustBeSourced(context: DecisionContext, type: string): void {
  if (context.sources.length === 0) throw new DomainError('source-required', `${type} needs at least one source`);
}

export function registeredStakeholders(context: DecisionContext, ids: readonly string[]): void {
  const unknown = ids.filter((id) => context.stakeholder(id).status !== 'registered');
  if (unknown.length > 0) {
    throw new DomainError('stakeholder-not-registered', `unregistered stakeholder(s): ${unknown.join(', ')}`, 'unprocessable', { stakeholderIds: unknown });
  }
}

export function registered(state: StakeholderState, id: string): Extract<StakeholderState, { status: 'registered' }> {
  if (state.status !== 'registered') throw new DomainError('stakeholder-not-registered', `stakeholder ${id} is not registered`, 'unprocessable', { stakeholderIds: [id] });
  return state;
}

export function stated(state: CommitmentState, id: string): Extract<CommitmentState, { status: 'stated' }> {
  if (wasRetracted(state)) throw new DomainError('commitment-retracted', `commitment ${id} was retracted: it can no longer be judged or revised`, 'conflict');
  if (state.status !== 'stated') throw new DomainError('commitment-not-found', `commitment ${id} does not exist`);
  return state;
}

export function live(state: CommitmentState, id: string): Extract<CommitmentState, { status: 'stated' }> {
  const commitment = stated(state, id);
  if (commitment.withdrawn) throw new DomainError('commitment-withdrawn', `commitment ${id} was withdrawn`, 'conflict');
  return commitment;
}

export function recorded(state: ActionState, id: string): Extract<ActionState, { status: 'recorded' }> {
  if (wasRetracted(state)) throw new DomainError('action-retracted', `action ${id} was retracted: it can no longer be judged or corrected`, 'conflict');
  if (state.status !== 'recorded') throw new DomainError('action-not-found', `action ${id} does not exist`);
  return state;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
