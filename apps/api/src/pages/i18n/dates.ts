import { Dated } from '@saydo/domain';
import { Locale } from './locale';

const OPTIONS: Record<Dated['precision'], Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  instant: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' },
};

/** A date at its own precision, in the reader's language: "March 2026", "mars 2026", never an invented day. */
export function formatDated(date: Pick<Dated, 'value' | 'precision'>, locale: Locale): string {
  const start = date.precision === 'year' ? `${date.value}-01-01T00:00:00Z` : date.precision === 'month' ? `${date.value}-01T00:00:00Z` : date.precision === 'day' ? `${date.value}T00:00:00Z` : date.value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', OPTIONS[date.precision]).format(new Date(start));
}

/** The machine-readable value for a `<time datetime>`. */
export const datetimeAttribute = (date: Pick<Dated, 'value'>) => date.value;
