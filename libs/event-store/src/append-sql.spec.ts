import fc from 'fast-check';
import { dollarQuoted } from './append-sql';

describe('dollarQuoted', () => {
  it('closes at the end of the text, whatever dollar signs and tags the text holds', () => {
    const text = fc.stringMatching(/^[$q0-9a'\\]*$/);
    fc.assert(
      fc.property(text, (value) => {
        const literal = dollarQuoted(value);
        const tag = literal.slice(0, literal.indexOf('$', 1) + 1);
        expect(literal.slice(tag.length).indexOf(tag)).toBe(value.length);
        expect(literal.slice(tag.length, tag.length + value.length)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
