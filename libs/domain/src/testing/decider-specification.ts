import { decideSubmissions } from '../submission/decide-submissions';
import { DecidedEvent, LoadedStream, Submission } from '../submission/submission';
import { DomainError } from '../shared/domain-error';

export const NOW = '2026-03-09T12:00:00.000Z';

export const A_SOURCE = {
  url: 'https://example.org/news/pentagon-agreement',
  publisher: 'Example News',
  title: 'The agreement',
  publishedAt: '2026-03-09',
  quote: 'a quote',
};

/** A submission with a source, dated February 2026 unless said otherwise. */
export function fact(type: string, data: Record<string, unknown>, occurredAt = '2026-02', sources = [A_SOURCE]): Submission {
  return { type, data, occurredAt, sources };
}

/**
 * Given/when/then for the rules, after emmett's DeciderSpecification: given earlier facts (decided
 * by the same rules), when a new one is submitted, then these events, or this error code.
 */
export function given(...facts: Submission[]) {
  let counter = 0;
  const newEventId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const history = decideSubmissions(facts, { loaded: new Map(), now: NOW, newEventId });
  const loaded = new Map<string, LoadedStream>();
  for (const event of history.events) {
    const stream = loaded.get(event.streamId) ?? { version: 0, events: [] };
    loaded.set(event.streamId, { version: stream.version + 1, events: [...stream.events, { eventId: event.eventId, type: event.type, data: event.data, subjects: event.subjects }] });
  }
  return {
    history: history.events,
    /** The whole decision (events and the versions the append must check), for tests of what was read. */
    decide: (...submissions: Submission[]) => decideSubmissions(submissions, { loaded, now: NOW, newEventId }),
    when(...submissions: Submission[]) {
      const run = () => decideSubmissions(submissions, { loaded, now: NOW, newEventId }).events;
      return {
        then(expect_: (events: DecidedEvent[]) => void) {
          expect_(run());
        },
        thenRejects(code: string) {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
        },
      };
    },
  };
}
