import fc from 'fast-check';
import { inspectUntrusted, MAX_JSON_DEPTH, unstorableText } from './untrusted-input';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth - 1) + '{"a":1}' + ']'.repeat(depth - 1));

describe('untrusted input', () => {
  it.each([
    ['a\u0000b', 'NUL'],
    ['\ud800', 'unpaired'],
    ['x\udc00', 'unpaired'],
    ['\udc00\ud800', 'unpaired'],
  ])('refuses %j (%s)', (text, word) => expect(unstorableText(text)).toContain(word));

  it.each(['plain', '😀 paired surrogates', 'é\u00ff\uFFFD', ''])('accepts %j', (text) => expect(unstorableText(text)).toBeNull());

  it('agrees with String.prototype.isWellFormed on every string, NUL aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const wellFormed = (text as unknown as { isWellFormed(): boolean }).isWellFormed();
        expect(unstorableText(text) === null).toBe(wellFormed && !text.includes('\u0000'));
      }),
    );
  });

  it('names the field of every unstorable value and key, with its path', () => {
    const body = JSON.parse('{"events":[{"data":{"name":"a\\u0000b"}},{"sources":[{"quote":"\\ud800"}],"k\\u0000":1}]}');
    expect(inspectUntrusted(body)).toEqual({
      tooDeep: false,
      faults: [
        { field: 'events[0].data.name', message: 'events[0].data.name must not contain NUL (\\u0000) characters' },
        { field: 'events[1].k\uFFFD', message: 'field name events[1].k\uFFFD must not contain NUL (\\u0000) characters' },
        { field: 'events[1].sources[0].quote', message: 'events[1].sources[0].quote must not contain unpaired UTF-16 surrogates (invalid Unicode)' },
      ],
    });
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))('reports a %s key as an unknown field', (key) => {
    expect(inspectUntrusted(JSON.parse(`{"data":{"${key}":{"x":1}}}`)).faults).toEqual([{ field: `data.${key}`, message: `unknown field data.${key}` }]);
  });

  it(`allows ${MAX_JSON_DEPTH} levels of nesting and refuses one more, without recursion even at 100,000`, () => {
    expect(inspectUntrusted(nested(MAX_JSON_DEPTH)).tooDeep).toBe(false);
    expect(inspectUntrusted(nested(MAX_JSON_DEPTH + 1)).tooDeep).toBe(true);
    expect(inspectUntrusted(nested(100_000)).tooDeep).toBe(true);
  });

  it('a parameter is checked under its own name', () => {
    expect(inspectUntrusted('a\u0000b', 'streamId').faults).toEqual([{ field: 'streamId', message: 'streamId must not contain NUL (\\u0000) characters' }]);
  });

  it('any JSON made only of storable text passes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        fc.pre(!JSON.stringify(value).includes('\\u0000') && !Object.getOwnPropertyNames(Object.prototype).some((name) => JSON.stringify(value).includes(`"${name}":`)));
        expect(inspectUntrusted(value)).toEqual({ tooDeep: false, faults: [] });
      }),
    );
  });
});
