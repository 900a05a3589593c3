import { PageWindow } from '@saydo/domain';
import { ReportMomentFields } from '../queries/report-moment';
import { reportPermalink } from './report-permalink';

/**
 * A page's `next`: the permalink of the following window at the same moment (position, judged
 * instant, world date), so the pages of a live report all come from one fold of one log position.
 */
export function withNextLink<P extends { more: boolean }>(path: string, moment: ReportMomentFields, window: PageWindow, page: P): Omit<P, 'more'> & { next: string | null } {
  const { more, ...rest } = page;
  return { ...rest, next: more ? reportPermalink(path, moment, { offset: window.offset + window.limit, limit: window.limit }) : null };
}
