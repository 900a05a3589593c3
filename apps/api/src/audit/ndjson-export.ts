import { Readable } from 'node:stream';
import { PostgresEventStore } from '@saydo/event-store';

const PAGE = 1000;

/** Streams the log page by page as NDJSON, so an export of any size never sits in memory. */
export function streamExport(store: PostgresEventStore, after: number): Readable {
  let cursor = after;
  return new Readable({
    async read() {
      try {
        const events = await store.readAll(cursor, PAGE);
        if (events.length === 0) return void this.push(null);
        cursor = events[events.length - 1].position;
        this.push(events.map((event) => JSON.stringify(event)).join('\n') + '\n');
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}
