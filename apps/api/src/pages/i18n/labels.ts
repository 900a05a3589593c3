import { en, MessageKey } from './messages.en';
import { Translate } from './translator';

/** Catalogue keys built from a code of the record; a code the catalogue lacks shows as itself rather than failing a page. */
function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return key in en ? t(key as MessageKey) : code;
}

export const eventLabel = (t: Translate, type: string) => labelOf(t, 'event', type);
export const relationLabel = (t: Translate, relation: string) => labelOf(t, 'relation', relation);
export const kindLabel = (t: Translate, kind: string) => labelOf(t, 'kind', kind);
export const historyLabel = (t: Translate, type: string) => labelOf(t, 'history', type);
export const statusWord = (t: Translate, status: string) => labelOf(t, 'status', status);
