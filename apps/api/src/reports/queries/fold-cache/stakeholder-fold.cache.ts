import { foldSayDoReport, FoldedSayDoReport } from '@saydo/domain';
import { ReportCacheObserver } from '@saydo/platform';
import { LRUCache } from 'lru-cache';
import { EntityManager } from 'typeorm';
import { readReportEvents } from '../report-events.reader';
import { BeforeFold } from './before-fold';
import { changedSince, FoldInputs } from './fold-inputs';

interface KeptFold {
  /** The fold is the one of every log position from `foldedAt` to `validAt` (nothing about it arrived between). */
  foldedAt: number;
  validAt: number;
  inputs: FoldInputs;
  folded: FoldedSayDoReport | null;
}

/**
 * Each stakeholder's folded report (before its judgement instant), kept with the log position it
 * reflects and the streams it read. A request at a later position first asks the database whether
 * anything about the stakeholder arrived since (a new entry in its timeline index, or an event in
 * one of those streams): only then does it fold again. The question is asked of the read models,
 * not of in-process notifications, so a projector in another process (Kafka mode) invalidates it
 * too. Requests pinned before the kept position fold afresh. Memory is bounded by
 * `maxBytes` (REPORT_CACHE_MAX_BYTES; least recently used first out). Plain class: the reports
 * module provides it.
 */
export class StakeholderFoldCache {
  private readonly kept: LRUCache<string, KeptFold> | null;

  /** `maxBytes`: approximate (as JSON) bytes of folds kept; 0 keeps none. */
  constructor(
    maxBytes: number,
    private readonly observer?: ReportCacheObserver,
  ) {
    this.kept = maxBytes > 0 ? new LRUCache<string, KeptFold>({ maxSize: maxBytes, sizeCalculation: (kept) => Math.max(1, sizeOf(kept)) }) : null;
  }

  /**
   * The stakeholder's folded report at `position`, in the caller's read-model snapshot (null: not
   * registered by then). `beforeFold` is called (and may refuse by throwing) only when the history
   * has to be read and folded.
   */
  async folded(manager: EntityManager, stakeholderId: string, position: number, beforeFold: BeforeFold = () => undefined): Promise<FoldedSayDoReport | null> {
    const kept = this.kept?.get(stakeholderId);
    if (kept && kept.foldedAt <= position) {
      if (position <= kept.validAt) return this.hit(kept.folded);
      if (!(await changedSince(manager, stakeholderId, kept.inputs, kept.validAt, position))) {
        kept.validAt = position;
        return this.hit(kept.folded);
      }
    }
    if (this.kept) this.observer?.looked(false, 'fold');
    await beforeFold();
    const events = await readReportEvents(manager, stakeholderId, position);
    const folded = foldSayDoReport(stakeholderId, events);
    const current = this.kept?.get(stakeholderId);
    // A slower request folding an older position does not replace a fresher fold.
    if (this.kept && (!current || current.validAt <= position)) {
      this.kept.set(stakeholderId, { foldedAt: position, validAt: position, inputs: { streams: [...new Set(events.map((e) => e.streamId))] }, folded });
    }
    return folded;
  }

  private hit(folded: FoldedSayDoReport | null): FoldedSayDoReport | null {
    this.observer?.looked(true, 'fold');
    return folded;
  }
}

/**
 * What a kept fold holds, as JSON bytes, counted twice: the fold itself, and the serialised bytes of
 * its judged commitments that answers splice in (`reportPageAnswer`), which live exactly as long as
 * the fold (weakly keyed on its commitments) and are about as large.
 */
function sizeOf(kept: KeptFold): number {
  return 2 * JSON.stringify(kept.folded).length + kept.inputs.streams.reduce((n, s) => n + s.length + 8, 64);
}
