import { IntlMessageFormat } from 'intl-messageformat';
import { Locale } from './locale';
import { en, MessageKey } from './messages.en';
import { fr } from './messages.fr';

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr };
const compiled = new Map<string, IntlMessageFormat>();

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Formats catalogue messages for one locale; compiled messages are cached across requests. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(CATALOGUES[locale][key], locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values)).trim();
  };
}
