/** Evidence for a fact: where it was reported, by whom, and the words that support it. */
export interface Source {
  url: string;
  publisher: string;
  title: string;
  /** A partial date as published ("2026-03-09", "2025-12", "2025"). */
  publishedAt: string;
  quote: string;
}
