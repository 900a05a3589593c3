import { CommitmentStatus } from '../status/commitment-status';
import { SayDoReport } from './say-do-report.types';

/** One commitment whose status a new fact would change (`from` null: the fact states it). */
export interface StatusChange {
  commitmentId: string;
  text: string;
  from: CommitmentStatus | null;
  to: CommitmentStatus | null;
}

/**
 * What a fact would change on a stakeholder's say-do table: the report folded without it and with it,
 * compared commitment by commitment. Pure, so the desk's preview and its tests share it.
 */
export function statusChanges(before: SayDoReport | null, after: SayDoReport | null): StatusChange[] {
  const was = new Map((before?.commitments ?? []).map((c) => [c.commitmentId, c]));
  const is = new Map((after?.commitments ?? []).map((c) => [c.commitmentId, c]));
  const changes: StatusChange[] = [];
  for (const id of new Set([...was.keys(), ...is.keys()])) {
    const [from, to] = [was.get(id), is.get(id)];
    if (from?.status === to?.status) continue;
    changes.push({ commitmentId: id, text: (to ?? from)!.text, from: from?.status ?? null, to: to?.status ?? null });
  }
  return changes;
}
