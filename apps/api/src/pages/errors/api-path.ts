/** Paths that belong to the JSON API (and its documentation and health): their errors stay problem+json. */
export function isApiPath(url: string): boolean {
  return /^\/(v1|docs|health)(\/|\?|$)/.test(url);
}
