import { happenedBy, ReportEvent } from '@saydo/domain';
import { EntityManager } from 'typeorm';
import { ReportMoment } from './report-moment';
import { readReportEvents } from './report-events.reader';

/** The events a report folds at a moment: up to its log position, and on the world axis if asked. */
export async function momentEvents(manager: EntityManager, stakeholderId: string, moment: ReportMoment): Promise<ReportEvent[]> {
  const events = await readReportEvents(manager, stakeholderId, moment.position);
  return moment.asOf ? happenedBy(events, moment.asOf) : events;
}
