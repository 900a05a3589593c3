import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { FactContext } from '../shared/fact-context';
import { requirePartialDate } from '../shared/partial-date';

/**
 * Given/when/then for deciders, after emmett's DeciderSpecification:
 * given(past events).when(command).then(expected events) or .thenRejects(error code).
 */
export function deciderSpecification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(events: Event[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
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
    },
  };
}

export const A_SOURCE = {
  url: 'https://example.org/news/pentagon-agreement',
  publisher: 'Example News',
  title: 'The agreement',
  publishedAt: '2026-03-09',
  quote: 'a quote',
};

/** A fact context recorded on 9 March 2026 with one source. */
export function factContext(occurredAt = '2026-02-27', overrides: Partial<FactContext> = {}): FactContext {
  return { occurredAt: requirePartialDate(occurredAt), sources: [A_SOURCE], now: '2026-03-09T12:00:00.000Z', ...overrides };
}
