import { eventTypeInfo } from '../catalogue/event-catalogue';
import { streamIdOf } from '../catalogue/stream-ids';
import { Submission } from './submission';

/** Every stream the decisions need: each submission's own stream and the streams its rules consult. */
export function streamsNeededBy(submissions: readonly Submission[]): string[] {
  const ids = new Set<string>();
  for (const submission of submissions) {
    ids.add(eventTypeInfo(submission.type).streamId(submission.data as never));
    for (const id of referencedStreams(submission)) ids.add(id);
  }
  return [...ids];
}

function referencedStreams(submission: Submission): string[] {
  switch (submission.type) {
    case 'StakeholderRegistered':
      return [];
    case 'PledgeMade':
    case 'RedLineStated': {
      const data = submission.data as Submission<'PledgeMade'>['data'];
      return [streamIdOf('stakeholder', data.stakeholderId)];
    }
    case 'ContractSigned':
    case 'ContractRefused': {
      const data = submission.data as Submission<'ContractSigned'>['data'];
      return [data.stakeholderId, ...data.counterpartyIds].map((id) => streamIdOf('stakeholder', id));
    }
    case 'AssessmentRecorded': {
      const data = submission.data as Submission<'AssessmentRecorded'>['data'];
      return [streamIdOf('action', data.actionId)];
    }
    default: {
      const exhaustive: never = submission.type;
      return exhaustive;
    }
  }
}
