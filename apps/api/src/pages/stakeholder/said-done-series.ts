import { SayDoReport } from '@saydo/domain';

export interface YearCount {
  year: number;
  said: number;
  done: number;
}

/** Commitments stated and actions recorded per year, every year in between included (so gaps show). */
export function saidDoneByYear(report: Pick<SayDoReport, 'commitments' | 'unlinkedActions'>): YearCount[] {
  const said = new Map<number, number>();
  const done = new Map<number, number>();
  const bump = (map: Map<number, number>, value: string) => {
    const year = Number(value.slice(0, 4));
    map.set(year, (map.get(year) ?? 0) + 1);
  };
  const actions = new Map<string, string>();
  for (const c of report.commitments) {
    bump(said, c.statedAt.value);
    for (const a of [...c.links.map((l) => l.action), ...c.citedBy]) actions.set(a.actionId, a.occurredAt.value);
  }
  for (const a of report.unlinkedActions) actions.set(a.actionId, a.occurredAt.value);
  for (const value of actions.values()) bump(done, value);
  const years = [...said.keys(), ...done.keys()];
  if (years.length === 0) return [];
  const series: YearCount[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) series.push({ year, said: said.get(year) ?? 0, done: done.get(year) ?? 0 });
  return series;
}
