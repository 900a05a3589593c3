import fc from 'fast-check';

/**
 * Generators of malformed HTTP requests for the fuzz suite: hostile strings and JSON values, and
 * mutations of valid requests (a field replaced, removed or added, the text broken). Routes come
 * from the OpenAPI document, so a new route is fuzzed without touching this file.
 */

export interface Route {
  method: string;
  /** OpenAPI path template, e.g. `/v1/streams/{streamId}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Name of the request body's schema, when the route takes one. */
  bodySchema: string | null;
  secured: boolean;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Every operation the OpenAPI document declares. */
export function routesOf(openapi: { paths: Record<string, Record<string, OpenApiOperation>> }): Route[] {
  return Object.entries(openapi.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: operation.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop() ?? null,
        secured: (operation.security ?? []).length > 0,
      })),
  );
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  security?: unknown[];
}

const INHERITED = Object.getOwnPropertyNames(Object.prototype);

/** Strings that broke, or could break, something between the edge and PostgreSQL. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(
    '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '😀', '\uFEFF', '\u202e', 'é',
    '9223372036854775808', '9223372036854775807', '9007199254740992', '9007199254740991', '1e21', '1e400', '-1', '-0', '1.5', '0x10', 'NaN', 'Infinity', '', ' ', '0', '1',
    '2025-13-45T99:99Z', '2025-02-30T24:00:00Z', '2025-02-30', '0000', '0050', '0099', '9999', '2026-03', '2026-03-09T10:00:00Z', '2026-03-09T10:00:00',
    ...INHERITED, 'prototype', '../../etc/passwd', '%00', '%ff', 'a'.repeat(300), 'openai', 'us-dod', 'surveillance', 'openai-no-domestic-surveillance',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A JSON text that nests `depth` arrays or objects. */
const nestedText = (depth: number, kind: 'array' | 'object') => (kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** JSON values of the wrong type, size or content for whatever field they replace. Some are raw JSON text. */
type Hostile = { json: unknown } | { raw: string };
const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  hostileString.map((json) => ({ json })),
  fc.constantFrom<Hostile>(
    { json: null }, { json: true }, { json: 0 }, { json: -1 }, { json: 1.5 }, { json: 1e308 }, { json: [] }, { json: {} }, { json: [[]] }, { json: [null] }, { json: { x: 1 } },
    { raw: '9223372036854775808' }, { raw: '1e400' }, { raw: '-0' }, { raw: '123456789012345678901234567890' },
  ),
  fc.tuple(fc.constantFrom(40, 2_000, 50_000), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([depth, kind]) => ({ raw: nestedText(depth, kind) })),
  fc.array(hostileString, { maxLength: 3 }).map((json) => ({ json })),
);

type Mutation =
  | { op: 'replace'; at: number; value: Hostile }
  | { op: 'remove'; at: number }
  | { op: 'add'; at: number; key: string; value: Hostile }
  | { op: 'wrap'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...INHERITED, 'extra', 'type', 'data'), hostileString), value: hostileValue }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat() }),
);

/** Raw marker strings stand in for raw JSON text until serialisation. */
const RAW = '\u0001raw\u0001';

/** Applies mutations to a copy of a valid JSON value and serialises it, raw pieces included. */
export function mutate(valid: unknown, mutations: Mutation[]): string {
  const raws: string[] = [];
  const materialise = (value: Hostile) => ('json' in value ? structuredClone(value.json) : `${RAW}${raws.push(value.raw) - 1}${RAW}`);
  let root: unknown = structuredClone(valid);
  for (const m of mutations) {
    const slots = containersOf(root);
    const { parent, key } = slots[m.at % slots.length];
    if (parent === null) {
      if (m.op === 'replace') root = materialise(m.value);
      else if (m.op === 'wrap') root = [root];
      else if (m.op === 'remove') root = undefined;
      continue;
    }
    const target = parent as Record<string | number, unknown>;
    if (m.op === 'replace') target[key] = materialise(m.value);
    else if (m.op === 'wrap') target[key] = [target[key]];
    else if (m.op === 'remove') Array.isArray(target) ? target.splice(key as number, 1) : delete target[key];
    else if (m.op === 'add' && typeof target[key] === 'object' && target[key] !== null && !Array.isArray(target[key])) {
      Object.defineProperty(target[key], m.key, { value: materialise(m.value), enumerable: true, configurable: true, writable: true });
    }
  }
  const text = JSON.stringify(root) ?? '';
  return text.replace(new RegExp(`"${RAW}(\\d+)${RAW}"`, 'g'), (_match, index) => raws[Number(index)]);
}

/** Every place in the value a mutation can land: the root, and each member of each container. */
function containersOf(root: unknown): Array<{ parent: unknown; key: string | number }> {
  const slots: Array<{ parent: unknown; key: string | number }> = [{ parent: null, key: '' }];
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      slots.push({ parent: value, key });
      stack.push((value as Record<string | number, unknown>)[key]);
    }
  }
  return slots;
}

/** A body: a mutated valid one (mostly), or text that is not JSON at all. */
export function bodyFor(valid: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutate(valid, mutations)) },
    { weight: 1, arbitrary: fc.nat({ max: 200 }).map((cut) => JSON.stringify(valid).slice(0, cut)) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '[]', '"x"', '{"events":[[]]}', '\uFEFF{}', '{"a":1}{"b":2}', "{'a':1}", nestedText(100_000, 'array')) },
  );
}

/** A path segment as a client could send it: encoded (lone surrogates as invalid UTF-8), or raw. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: hostileString.map(encodeLoosely) },
  { weight: 1, arbitrary: fc.constantFrom('%ff', '%', '%zz', '%00', '%ED%A0%80', 'a'.repeat(101), 'a'.repeat(5_000), '..', '') },
);

/** encodeURIComponent, except that an unpaired surrogate becomes the bytes of one (not UTF-8), instead of throwing. */
export function encodeLoosely(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

export const contentType = fc.constantFrom(
  'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1',
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/problem+json', 'application/json, text/plain', '*/*', 'nonsense',
);
