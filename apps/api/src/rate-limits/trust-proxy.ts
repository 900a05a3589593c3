/**
 * TRUST_PROXY as Fastify's trustProxy takes it: a boolean, the proxies' addresses, or a hop count
 * (as proxy-addr reads one: trust the nearest n proxies).
 */
export function trustProxyOption(value: string): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
