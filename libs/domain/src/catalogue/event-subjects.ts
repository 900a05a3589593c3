import { ActionState } from '../action/action.decider';
import { CommitmentState } from '../commitment/commitment.decider';
import { SaydoEvent } from './event-catalogue';

/** What the handler already loaded to decide; enough to say whom an event is about. */
export interface SubjectLookup {
  commitment?: CommitmentState;
  action?: ActionState;
}

/**
 * The stakeholders an event is about, stored with the event so that timelines and reports
 * of every side (the actor, its counterparties, the commitment's owner) can find it without joins.
 */
export function subjectsOf(event: SaydoEvent, lookup: SubjectLookup = {}): string[] {
  switch (event.type) {
    case 'StakeholderRegistered':
    case 'PledgeMade':
    case 'RedLineStated':
      return [event.data.stakeholderId];
    case 'ContractSigned':
    case 'ContractRefused':
      return unique([event.data.stakeholderId, ...event.data.counterpartyIds]);
    case 'AssessmentRecorded': {
      const owner = lookup.commitment?.status === 'stated' ? [lookup.commitment.stakeholderId] : [];
      const actors = lookup.action?.status === 'recorded' ? [lookup.action.stakeholderId, ...lookup.action.counterpartyIds] : [];
      return unique([...owner, ...actors]);
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
