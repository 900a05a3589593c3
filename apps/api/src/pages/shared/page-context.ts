import { PAGE_SIZE } from '../../shared/paging';
import { Locale } from '../i18n/locale';
import { Translate, translator } from '../i18n/translator';

/** The two time axes and the judging date a page passes to the query handlers, as the JSON API does. */
export interface PageTime {
  knownAt?: string;
  asOf?: string;
  date?: string;
}

/** What every component may need about the request: language, messages, where it is, which moment. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Scheme and host the reader used, for absolute canonical and feed links. */
  origin: string;
  /** Path of this page, without query. */
  path: string;
  time: PageTime;
  /** The same page in the other language. */
  otherLanguageHref: string;
}

export function pageContext(locale: Locale, origin: string, path: string, time: PageTime, search: URLSearchParams): PageContext {
  const other = new URLSearchParams(search);
  other.set('lang', locale === 'en' ? 'fr' : 'en');
  return { locale, t: translator(locale), origin, path, time, otherLanguageHref: `${path}?${other}` };
}

/** A link that keeps the reader's moment (knownAt, asOf, date) while moving between pages. */
export function withTime(href: string, time: PageTime): string {
  const params = new URLSearchParams();
  for (const key of ['knownAt', 'asOf', 'date'] as const) if (time[key]) params.set(key, time[key]!);
  const query = params.toString();
  return query ? `${href}${href.includes('?') ? '&' : '?'}${query}` : href;
}

/** A link that keeps the window of a paged page (left out where it is the first, default one, as the API's permalinks do). */
export function withWindow(href: string, window: { offset: number; limit: number }): string {
  const params = new URLSearchParams();
  if (window.offset !== 0) params.set('offset', String(window.offset));
  if (window.limit !== PAGE_SIZE.default) params.set('limit', String(window.limit));
  const query = params.toString();
  return query ? `${href}${href.includes('?') ? '&' : '?'}${query}` : href;
}

/** The link that reproduces exactly what the page shows: the page's path with the API permalink's pins. */
export function permalinkOf(path: string, answer: { permalink: string }): string {
  const query = answer.permalink.split('?')[1];
  return query ? `${path}?${query}` : path;
}
