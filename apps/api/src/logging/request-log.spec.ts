import { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { requestIdOf } from './request-log';

const withHeader = (value: string | string[] | undefined) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it("keeps a client's plausible id as it is", () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._:@/+=-]{1,128}$/), (id) => requestIdOf(withHeader(id)) === id));
  });

  it('replaces anything else (spaces, control characters, too long, repeated headers, none) by a fresh UUID', () => {
    const strange = fc.oneof(
      fc.string().filter((id) => !/^[A-Za-z0-9._:@/+=-]{1,128}$/.test(id)),
      fc.stringMatching(/^[a-z]{129,200}$/),
    );
    fc.assert(fc.property(strange, (id) => UUID.test(requestIdOf(withHeader(id)))));
    expect(requestIdOf(withHeader(['a', 'b']))).toMatch(UUID);
    expect(requestIdOf(withHeader(undefined))).toMatch(UUID);
    expect(requestIdOf(withHeader(undefined))).not.toBe(requestIdOf(withHeader(undefined)));
  });
});
