import { eventDefinition } from '../catalogue/event-catalogue';
import { KnownEvent } from '../catalogue/event-definition';
import { DomainError } from '../shared/domain-error';
import { parsePartialDate } from '../shared/partial-date';
import { StreamBook } from './stream-book';
import { DecidedEvent, LoadedStream, Submission } from './submission';

export interface SubmissionDecision {
  events: DecidedEvent[];
  /**
   * For each stream the decision read or wrote, the version it was made on: the append must find
   * every one of them unchanged, else the decision is stale and must be made again.
   */
  expectedVersions: Map<string, number>;
}

export interface DecisionInputs {
  loaded: ReadonlyMap<string, LoadedStream>;
  known?: ReadonlyMap<string, KnownEvent>;
  now: string;
  /** Ids for new events (a UUID generator in the app, a counter in tests). */
  newEventId: () => string;
}

/**
 * Runs each submission, in order, through its event type's rules, against the loaded streams plus
 * what earlier submissions of the same batch decided. All or nothing: the first broken rule
 * throws a DomainError naming the submission's index.
 */
export function decideSubmissions(submissions: readonly Submission[], inputs: DecisionInputs): SubmissionDecision {
  const book = new StreamBook(inputs.loaded, inputs.known ?? new Map());
  const events: DecidedEvent[] = [];
  submissions.forEach((submission, index) => {
    try {
      events.push(decideOne(submission, book, inputs));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const prefix = submissions.length > 1 ? `events[${index}]: ` : '';
      throw new DomainError(error.code, `${prefix}${error.message}`, error.kind, { ...error.details, index });
    }
  });
  return { events, expectedVersions: book.expectedVersions };
}

function decideOne(submission: Submission, book: StreamBook, inputs: DecisionInputs): DecidedEvent {
  const definition = eventDefinition(submission.type);
  const occurredAt = parsePartialDate(submission.occurredAt);
  if (!occurredAt) throw new DomainError('invalid-date', `occurredAt ${submission.occurredAt} is not a date`);
  const context = book.context({ now: inputs.now, occurredAt, sources: submission.sources });
  const streamId = definition.streamId(submission.data, context);
  if (submission.expectedVersion !== undefined && submission.expectedVersion !== book.version(streamId)) {
    throw new DomainError('wrong-expected-version', `stream ${streamId} is at version ${book.version(streamId)}, expected ${submission.expectedVersion}`, 'conflict', {
      streamId,
      expectedVersion: submission.expectedVersion,
      currentVersion: book.version(streamId),
    });
  }
  definition.decide(submission.data, book.state(streamId), context);
  const subjects = definition.subjects(submission.data, context);
  const eventId = inputs.newEventId();
  book.record(streamId, { eventId, type: submission.type, data: submission.data, subjects });
  return { eventId, streamId, type: submission.type, data: submission.data, schemaVersion: definition.schemaVersion, occurredAt, sources: submission.sources, subjects };
}
