/**
 * Stream naming follows the KurrentDB category convention `<category>-<id>`: the category never
 * contains a dash, so everything after the first dash is the client's id.
 */
export const STREAM_CATEGORIES = ['stakeholder', 'commitment', 'action', 'policy'] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export function streamIdOf(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
