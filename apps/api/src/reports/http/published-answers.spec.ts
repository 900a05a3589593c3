import { contentHash } from '@saydo/domain';
import fc from 'fast-check';
import { publish, PublishedAnswers } from './published-answers';

describe('published answers', () => {
  it('are the bytes of the body with its permalink and contentHash, stringified once', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((key) => key !== 'permalink' && key !== 'contentHash' && key !== '__proto__'), fc.jsonValue()), fc.string(), (body, permalink) => {
        const withPermalink = { ...body, permalink };
        const expected = JSON.stringify({ ...withPermalink, contentHash: contentHash(withPermalink) });
        const published = publish(body, permalink);
        expect(published.bytes.toString('utf8')).toBe(expected);
        expect(published.contentHash).toBe(contentHash(withPermalink));
      }),
    );
  });

  it('are UTF-8 bytes whose hash is that of the JSON text, whatever the text holds (astral characters, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, permalink) => {
        const published = publish({ text }, permalink);
        const expected = JSON.stringify({ text, permalink, contentHash: contentHash({ text, permalink }) });
        expect(published.bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
        expect(published.contentHash).toBe(contentHash({ text, permalink }));
      }),
    );
  });

  it('serialise an answer once per permalink, and none when the budget is 0', () => {
    let built = 0;
    const body = (permalink: string) => ((built += 1), publish({ a: built }, permalink));
    const kept = new PublishedAnswers(1024 * 1024);
    expect(kept.answer('/x?knownAt=1', body)).toBe(kept.answer('/x?knownAt=1', body));
    expect(built).toBe(1);
    const none = new PublishedAnswers(0);
    expect(none.answer('/x?knownAt=1', body).bytes).not.toEqual(none.answer('/x?knownAt=1', body).bytes);
  });
});
