import { eventLabel } from '../i18n/labels';
import { TimelineEntry } from '@saydo/domain';
import { Feed } from 'feed';
import { formatDated } from '../i18n/dates';
import { Translate } from '../i18n/translator';
import { Locale } from '../i18n/locale';
import { entrySummary } from './entry-summary';

export interface FeedSpec {
  id: string;
  title: string;
  /** Absolute link of the page the feed follows. */
  link: string;
  /** Absolute link of the feed itself. */
  self: string;
}

/** New facts, judgements (status changes) and corrections as an Atom feed, newest recorded first. */
export function atomFeed(spec: FeedSpec, entries: readonly TimelineEntry[], t: Translate, locale: Locale): string {
  const newestFirst = [...entries].sort((a, b) => b.position - a.position).slice(0, 50);
  const feed = new Feed({
    id: spec.id,
    title: spec.title,
    link: spec.link,
    language: locale,
    copyright: '',
    updated: newestFirst[0] ? new Date(newestFirst[0].recordedAt) : new Date(0),
    feedLinks: { atom: spec.self },
  });
  for (const entry of newestFirst) {
    const notice = entry.retracted ? ` — ${t('event.EventRetracted')}: ${entry.retracted.reason}` : entry.corrected ? ` — ${t('event.EventCorrected')}: ${entry.corrected.reason}` : '';
    feed.addItem({
      id: `${spec.id}:${entry.position}`,
      title: `${eventLabel(t, entry.type)} (${formatDated(entry.occurredAt, locale)})${notice}`,
      link: `${spec.link}?knownAt=${entry.position}`,
      date: new Date(entry.recordedAt),
      description: entrySummary(entry.data),
    });
  }
  return feed.atom1();
}
