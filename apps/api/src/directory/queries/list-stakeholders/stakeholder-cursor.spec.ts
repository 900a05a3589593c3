import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './stakeholder-cursor';

describe('stakeholder cursor', () => {
  it('decodes what it encoded, for any name and id, and stays URL-safe', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, id) => {
        const text = encodeCursor({ name, id });
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(text)).toEqual({ name, id });
      }),
    );
  });

  it('answers null for text it did not write', () => {
    for (const text of ['', 'bm90LWEtY3Vyc29y', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) expect(decodeCursor(text)).toBeNull();
  });
});
