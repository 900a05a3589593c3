import { trustProxyOption } from './trust-proxy';

describe('trustProxyOption', () => {
  it('reads true, false, addresses and hop counts', () => {
    expect(trustProxyOption('false')).toBe(false);
    expect(trustProxyOption('true')).toBe(true);
    expect(trustProxyOption('10.0.0.0/8,127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
    const twoHops = trustProxyOption('2') as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});
