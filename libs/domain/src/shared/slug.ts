/** Ids chosen by clients (`openai`, `openai-redline-surveillance-2026`): lowercase, digits, dashes. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
export const SLUG_MAX_LENGTH = 80;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
