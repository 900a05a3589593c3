/** Evidence for a fact: where it was reported, by whom, and the words that support it. */
export interface Source {
  url: string;
  publisher: string;
  title: string;
  /** A partial date as published ("2026-03-09", "2025-12", "2025"). */
  publishedAt: string;
  quote: string;
  /** BCP 47 language of the source ("fr"). */
  language?: string;
  /** An archived copy, and the SHA-256 of its content, so a vanished page can still be checked. */
  archiveUrl?: string;
  archiveSha256?: string;
}
