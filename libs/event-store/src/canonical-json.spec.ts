import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** What a call gives: its text, or that it threw (NaN and Infinity are refused by both). */
function outcome(write: () => string | undefined): { text: string | undefined } | 'threw' {
  try {
    return { text: write() };
  } catch {
    return 'threw';
  }
}

describe('canonicalJson', () => {
  it('writes exactly what the canonicalize package writes, for any value JSON or JavaScript can hold', () => {
    const value = fc.anything({ withDate: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBigInt: false, withMap: false, withSet: false, withTypedArray: false });
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(() => canonicalJson(v))).toEqual(outcome(() => canonicalize(v)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('sorts keys by UTF-16 code units, leaves out undefined members and writes undefined array items as null', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 'x'], é: true, Z: null, skip: undefined, '\u{1F600}': 2, '\uFB33': 3 })).toBe('{"Z":null,"a":[null,"x"],"b":1,"é":true,"\u{1F600}":2,"\uFB33":3}');
    expect(canonicalJson({ n: 1e21, m: -0, f: 0.1 })).toBe('{"f":0.1,"m":0,"n":1e+21}');
    expect(() => canonicalJson({ x: NaN })).toThrow();
  });
});
