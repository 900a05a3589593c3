/**
 * Checks on what a client sent, before anything recursive or PostgreSQL touches it. Pure (no
 * Nest), so it is unit-tested alone.
 *
 * PostgreSQL refuses NUL in text and jsonb, and unpaired UTF-16 surrogates cannot be encoded:
 * both are refused at the edge, in values and in keys. Nesting is bounded because class-transformer
 * and class-validator recurse: thousands of levels would overflow the stack (a 500).
 */

/** Deeper than any request needs: a batch's event data sits at depth 4, a corrected event's data at 5. */
export const MAX_JSON_DEPTH = 32;
/** A problem lists this many faults at most: enough to fix a request, never a huge answer. */
const MAX_FAULTS = 20;

export interface InputFault {
  field: string;
  message: string;
}

export interface Inspection {
  /** Set when the value nests deeper than MAX_JSON_DEPTH: nothing else was looked at. */
  tooDeep: boolean;
  faults: InputFault[];
}

/**
 * Names every plain object inherits (`constructor`, `toString`, `__proto__`...). No field of this
 * API has one, and lookups such as class-validator's whitelist (`metadata[key]` on a plain
 * object) would find the inherited member and let the field through: they are refused here as
 * the unknown fields they are.
 */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
/** Cheap first look: text without NUL or any surrogate (nearly all of it) needs no closer one. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'must not contain NUL (\\u0000) characters' : 'must not contain unpaired UTF-16 surrogates (invalid Unicode)';
}

/** A value met on the walk, with the way back to the root (its path is only spelled out for a fault). */
interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string | number | null;
  depth: number;
}

function pathOf(visit: Visit, rootPath: string): string {
  if (visit.parent === null) return rootPath;
  const parent = pathOf(visit.parent, rootPath);
  if (typeof visit.key === 'number') return `${parent}[${visit.key}]`;
  return parent ? `${parent}.${printable(visit.key!)}` : printable(visit.key!);
}

/**
 * Walks a parsed JSON value (or a query or route parameter) without recursion: its depth, every
 * string and every key. A key named like an inherited member is reported as an unknown field; for
 * `__proto__` it matters most: JSON.parse makes it an own property, but an assignment anywhere
 * later would change the object's prototype instead. Runs on every body (a 1,000-event batch
 * included), so it allocates nothing per value but the walk itself.
 */
export function inspectUntrusted(root: unknown, rootPath = ''): Inspection {
  const faults: InputFault[] = [];
  const stack: Visit[] = [{ value: root, parent: null, key: null, depth: 1 }];
  const fault = (visit: Visit, message: (path: string) => string) => {
    const path = pathOf(visit, rootPath);
    faults.push({ field: path, message: message(path) });
  };
  while (stack.length > 0 && faults.length < MAX_FAULTS) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) fault(visit, (path) => `${path || 'value'} ${problem}`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return { tooDeep: true, faults: [] };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: visit, key: i, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child: Visit = { value: (value as Record<string, unknown>)[key], parent: visit, key, depth: depth + 1 };
      const problem = unstorableText(key);
      if (problem) fault(child, (path) => `field name ${path} ${problem}`);
      else if (INHERITED_NAMES.has(key)) fault(child, (path) => `unknown field ${path}`);
      stack.push(child);
    }
  }
  return { tooDeep: false, faults: faults.slice(0, MAX_FAULTS) };
}

/** A field name as it can be shown in the answer: NUL and unpaired surrogates replaced by U+FFFD. */
function printable(key: string): string {
  return key.replace(UNSTORABLE_ALL, '\uFFFD');
}
