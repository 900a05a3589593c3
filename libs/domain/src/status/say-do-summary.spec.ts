import { summariseStatuses } from './say-do-summary';

describe('say-do summary', () => {
  it('counts by status and gives the figure with its denominator', () => {
    const summary = summariseStatuses(['kept', 'held', 'broken', 'crossed', 'not_yet_rated', 'under_strain']);
    expect(summary.total).toBe(6);
    expect(summary.byStatus).toMatchObject({ kept: 1, held: 1, broken: 1, crossed: 1, not_yet_rated: 1, under_strain: 1, overdue: 0 });
    expect(summary.sayDo).toMatchObject({ honoured: 2, failed: 2, underStrain: 1, rated: 5, unrated: 1, ratio: 0.4 });
    expect(summary.sayDo.statement).toBe('2 of 5 rated commitments honoured (1 awaiting a verdict)');
  });

  it('gives no ratio when nothing is rated', () => {
    const summary = summariseStatuses(['untested', 'not_yet_rated']);
    expect(summary.sayDo.ratio).toBeNull();
    expect(summary.sayDo.rated).toBe(0);
  });
});
