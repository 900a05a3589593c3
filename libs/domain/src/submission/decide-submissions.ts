import { actionDecider } from '../action/action.decider';
import { eventTypeInfo, SaydoEvent } from '../catalogue/event-catalogue';
import { subjectsOf } from '../catalogue/event-subjects';
import { commitmentDecider } from '../commitment/commitment.decider';
import { DomainError } from '../shared/domain-error';
import { FactContext } from '../shared/fact-context';
import { parsePartialDate } from '../shared/partial-date';
import { stakeholderDecider } from '../stakeholder/stakeholder.decider';
import { StreamBook } from './stream-book';
import { DecidedEvent, LoadedStream, Submission } from './submission';

export interface SubmissionDecision {
  events: DecidedEvent[];
  /** For each written stream, the version the decision was made on. */
  expectedVersions: Map<string, number>;
}

/**
 * Runs each submission, in order, through its stream's decider, against the loaded streams plus
 * what earlier submissions of the same batch decided. All or nothing: the first broken rule
 * throws a DomainError naming the submission's index.
 */
export function decideSubmissions(submissions: readonly Submission[], loaded: ReadonlyMap<string, LoadedStream>, now: string): SubmissionDecision {
  const book = new StreamBook(loaded);
  const events: DecidedEvent[] = [];
  submissions.forEach((submission, index) => {
    try {
      events.push(...decideOne(submission, book, now));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const prefix = submissions.length > 1 ? `events[${index}]: ` : '';
      throw new DomainError(error.code, `${prefix}${error.message}`, error.kind, { ...error.details, index });
    }
  });
  return { events, expectedVersions: book.expectedVersions };
}

function decideOne(submission: Submission, book: StreamBook, now: string): DecidedEvent[] {
  const info = eventTypeInfo(submission.type);
  const streamId = info.streamId(submission.data as never);
  const occurredAt = parsePartialDate(submission.occurredAt);
  if (!occurredAt) throw new DomainError('invalid-date', `occurredAt ${submission.occurredAt} is not a date`);
  if (submission.expectedVersion !== undefined && submission.expectedVersion !== book.version(streamId)) {
    throw new DomainError('wrong-expected-version', `stream ${streamId} is at version ${book.version(streamId)}, expected ${submission.expectedVersion}`, 'conflict', {
      streamId,
      expectedVersion: submission.expectedVersion,
      currentVersion: book.version(streamId),
    });
  }
  const context: FactContext = { occurredAt, sources: submission.sources, now };
  const { events, subjects } = decideWithDecider(submission, book, context);
  book.record(streamId, events);
  return events.map((event) => ({ streamId, event, schemaVersion: info.schemaVersion, occurredAt, sources: submission.sources, subjects }));
}

function decideWithDecider(submission: Submission, book: StreamBook, context: FactContext): { events: SaydoEvent[]; subjects: string[] } {
  const withSubjects = (events: SaydoEvent[], lookup: Parameters<typeof subjectsOf>[1] = {}) => ({
    events,
    subjects: events.length ? subjectsOf(events[0], lookup) : [],
  });
  switch (submission.type) {
    case 'StakeholderRegistered': {
      const data = submission.data as Submission<'StakeholderRegistered'>['data'];
      return withSubjects(stakeholderDecider.decide({ type: 'RegisterStakeholder', data, context }, book.stakeholder(data.stakeholderId)));
    }
    case 'PledgeMade': {
      const data = submission.data as Submission<'PledgeMade'>['data'];
      const command = { type: 'MakePledge' as const, data, context, stakeholder: book.stakeholder(data.stakeholderId) };
      return withSubjects(commitmentDecider.decide(command, book.commitment(data.commitmentId)));
    }
    case 'RedLineStated': {
      const data = submission.data as Submission<'RedLineStated'>['data'];
      const command = { type: 'StateRedLine' as const, data, context, stakeholder: book.stakeholder(data.stakeholderId) };
      return withSubjects(commitmentDecider.decide(command, book.commitment(data.commitmentId)));
    }
    case 'ContractSigned':
    case 'ContractRefused': {
      const data = submission.data as Submission<'ContractSigned'>['data'];
      const named = [data.stakeholderId, ...data.counterpartyIds];
      const registeredStakeholderIds = new Set(named.filter((id) => book.stakeholder(id).status === 'registered'));
      const command = { type: 'RecordContract' as const, outcome: submission.type, data, context, parties: { registeredStakeholderIds } };
      return withSubjects(actionDecider.decide(command, book.action(data.actionId)));
    }
    case 'AssessmentRecorded': {
      const data = submission.data as Submission<'AssessmentRecorded'>['data'];
      const commitment = book.commitment(data.commitmentId);
      const action = book.action(data.actionId);
      return withSubjects(commitmentDecider.decide({ type: 'RecordAssessment', data, context, action }, commitment), { commitment, action });
    }
    default: {
      const exhaustive: never = submission.type;
      throw new Error(`unknown event type ${String(exhaustive)}`);
    }
  }
}
