/** Every list a public answer pages: this many items unless `limit` asks otherwise, never more than the maximum. */
export const PAGE_SIZE = { default: 100, max: 1000 } as const;

/** A relative URL: the path and the given query parameters (undefined ones left out), percent-encoded. */
export function pageLink(path: string, params: Record<string, string | number | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value)).replace(/%3A/gi, ':')}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}
