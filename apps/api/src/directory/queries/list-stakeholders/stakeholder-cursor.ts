/** Keyset cursor over (name, id): stable under inserts, unlike an offset. */
export interface StakeholderCursor {
  name: string;
  id: string;
}

export function encodeCursor(cursor: StakeholderCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

/** null when the text is not a cursor this API wrote. */
export function decodeCursor(text: string): StakeholderCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) return { name: value[0], id: value[1] };
  } catch {
    // not JSON: fall through
  }
  return null;
}
