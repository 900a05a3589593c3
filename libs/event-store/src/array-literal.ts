/**
 * PostgreSQL array literals written in one pass, for the columns an append (inside its
 * simple-protocol statement, which takes no parameters) and a projection send through `unnest`. node-postgres would turn each JS array into the same
 * text itself, but through two regular-expression replaces and a type dispatch per element, which a replay of a large log pays
 * for every value it writes (the timeline alone writes several rows per event).
 */

const NEEDS_ESCAPE = /["\\]/;

/** `a"b` -> `"a\"b"`: one element, always quoted (so empty strings, spaces, braces and the word NULL stay text). */
function quotedElement(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
}

/** Numbers need no quotes: `{1,2,NULL}`. */
export function numberArrayLiteral(values: ReadonlyArray<number | string | null | undefined>): string {
  let literal = '{';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    literal += (i > 0 ? ',' : '') + (value === null || value === undefined ? 'NULL' : String(value));
  }
  return `${literal}}`;
}

/** Text elements (already converted to text by the caller), each quoted: `{"a","b\"c",NULL}`. */
export function textArrayLiteral(values: ReadonlyArray<string | null>): string {
  let literal = '{';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    literal += (i > 0 ? ',' : '') + (value === null ? 'NULL' : quotedElement(value));
  }
  return `${literal}}`;
}
