import { PageWindow } from '@saydo/domain';
import { PAGE_SIZE } from '../../shared/paging';
import { PermalinkMoment } from '../queries/report-moment';

/** Query values stay readable (`2026-12-01T21:00:00.000Z`); everything else is percent-encoded. */
const encode = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':');

/**
 * The relative URL that answers the same bytes for as long as the log exists: the log position the
 * answer reflected (never a timestamp), the instant it was judged at, and the world date if one was
 * asked. A function of the answer's own moment only, so a live answer and its permalink name the
 * same URL and hash the same. A page of a report also pins its window.
 */
export function reportPermalink(path: string, moment: PermalinkMoment, page?: PageWindow): string {
  const query = [`knownAt=${moment.knownAt.position}`, `date=${encode(moment.judgedAt)}`];
  if (moment.worldAsOf) query.push(`asOf=${encode(moment.worldAsOf.value)}`);
  // A page's own parameters, left out where they are the defaults: the first page keeps the report's permalink.
  if (page && page.offset !== 0) query.push(`offset=${page.offset}`);
  if (page && page.limit !== PAGE_SIZE.default) query.push(`limit=${page.limit}`);
  return `${path}?${query.join('&')}`;
}

/**
 * A path segment from a route parameter, encoded the one way the permalink uses. Ids are slugs, so the
 * dot segments `.` and `..` (which a URL resolves away even as `%2E`) never name anything: their
 * requests answer 404 before a link is built.
 */
export const segment = (value: string) => encodeURIComponent(value);
