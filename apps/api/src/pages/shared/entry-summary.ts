/** The words that say what an event was about, whatever its type: its text, title, name, rationale... */
const TEXT_FIELDS = ['text', 'title', 'name', 'statement', 'rationale', 'grounds', 'resolution', 'reason', 'description', 'summary', 'explanation', 'role'];

export function entrySummary(data: Record<string, unknown>): string {
  for (const field of TEXT_FIELDS) if (typeof data[field] === 'string' && data[field]) return data[field] as string;
  return '';
}
