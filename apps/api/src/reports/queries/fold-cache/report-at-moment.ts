import { buildSayDoReport, judgeSayDoReport, SayDoReport } from '@saydo/domain';
import { EntityManager } from 'typeorm';
import { momentEvents } from '../moment-events';
import { ReportMoment } from '../report-moment';
import { BeforeFold } from './before-fold';
import { StakeholderFoldCache } from './stakeholder-fold.cache';

/**
 * A stakeholder's report at a moment: its kept fold judged at the moment's instant, or (on the
 * world axis, `asOf`, which filters the events folded) a fold of its own. `beforeFold` is called
 * before any history is read and folded.
 */
export async function reportAtMoment(cache: StakeholderFoldCache, manager: EntityManager, stakeholderId: string, moment: ReportMoment, beforeFold: BeforeFold = () => undefined): Promise<SayDoReport | null> {
  if (moment.asOf) {
    await beforeFold();
    return buildSayDoReport(stakeholderId, await momentEvents(manager, stakeholderId, moment), moment.judgedAt, moment.position);
  }
  const folded = await cache.folded(manager, stakeholderId, moment.position, beforeFold);
  return folded && judgeSayDoReport(folded, moment.judgedAt, moment.position);
}
