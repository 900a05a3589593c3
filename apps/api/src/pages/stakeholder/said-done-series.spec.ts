import { saidDoneByYear } from './said-done-series';

const dated = (value: string) => ({ value, precision: 'month' as const, label: value });
const action = (actionId: string, value: string) => ({ actionId, occurredAt: dated(value) }) as never;

describe('said and done by year', () => {
  it('counts each action once, fills the years between, and nothing when nothing is recorded', () => {
    const shared = action('a1', '2026-02');
    const series = saidDoneByYear({
      commitments: [
        { statedAt: dated('2023'), links: [{ action: shared }], citedBy: [] },
        { statedAt: dated('2026-02'), links: [{ action: shared }], citedBy: [action('a2', '2026-03')] },
      ] as never,
      unlinkedActions: [action('a3', '2024-05')],
    });
    expect(series).toEqual([
      { year: 2023, said: 1, done: 0 },
      { year: 2024, said: 0, done: 1 },
      { year: 2025, said: 0, done: 0 },
      { year: 2026, said: 1, done: 2 },
    ]);
    expect(saidDoneByYear({ commitments: [], unlinkedActions: [] })).toEqual([]);
  });
});
