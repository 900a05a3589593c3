import fc from 'fast-check';
import { ASSESSMENT_RELATIONS, AssessmentRelation } from '../catalogue/vocabulary';
import { commitmentStatus, PLEDGE_STATUSES, RED_LINE_STATUSES } from './commitment-status';

const TODAY = '2026-03-09T00:00:00.000Z';
const pledge = (relations: AssessmentRelation[], dueBy?: string) => commitmentStatus({ kind: 'pledge', relations, dueBy }, TODAY);
const redLine = (relations: AssessmentRelation[]) => commitmentStatus({ kind: 'red_line', relations }, TODAY);

describe('commitment status', () => {
  describe('given a pledge', () => {
    it.each<[AssessmentRelation[], string | undefined, string]>([
      [[], undefined, 'not_yet_rated'],
      [[], '2030', 'not_yet_rated'],
      [[], '2026-02', 'overdue'],
      [[], '2026-03', 'not_yet_rated'],
      [['strains'], '2026-03-08', 'overdue'],
      [['partially_fulfils'], '2020', 'partially_kept'],
      [['fulfils', 'partially_fulfils'], undefined, 'kept'],
      [['fulfils', 'contradicts'], undefined, 'broken'],
    ])('with assessments %j due by %s, it is %s', (relations, dueBy, expected) => {
      expect(pledge(relations, dueBy)).toBe(expected);
    });
  });

  describe('given a red line', () => {
    it.each<[AssessmentRelation[], string]>([
      [[], 'untested'],
      [['fulfils'], 'held'],
      [['partially_fulfils'], 'held'],
      [['fulfils', 'strains'], 'under_strain'],
      [['strains', 'contradicts'], 'crossed'],
    ])('with assessments %j, it is %s', (relations, expected) => {
      expect(redLine(relations)).toBe(expected);
    });
  });

  it('never depends on the order of assessments, and stays within its kind', () => {
    const relations = fc.array(fc.constantFrom(...ASSESSMENT_RELATIONS), { maxLength: 8 });
    fc.assert(
      fc.property(relations, fc.constantFrom('pledge' as const, 'red_line' as const), (list, kind) => {
        const forward = commitmentStatus({ kind, relations: list, dueBy: '2025' }, TODAY);
        const backward = commitmentStatus({ kind, relations: [...list].reverse(), dueBy: '2025' }, TODAY);
        expect(forward).toBe(backward);
        expect((kind === 'pledge' ? PLEDGE_STATUSES : RED_LINE_STATUSES) as readonly string[]).toContain(forward);
      }),
    );
  });
});
