import { createHash } from 'node:crypto';
import { ReportCacheObserver } from '@saydo/platform';
import { LRUCache } from 'lru-cache';

/**
 * An answer as sent: its UTF-8 JSON (with `permalink` and `contentHash`) and the hash. Kept as bytes,
 * not as a string: a report's first page is hundreds of kilobytes, and encoding it again for every
 * request that is served from here cost more than anything else such a request does.
 */
export interface PublishedAnswer {
  bytes: Buffer;
  contentHash: string;
}

/**
 * Serialises an answer once: the body with its permalink is stringified, encoded, hashed, and the
 * hash appended as the last member, so the bytes are those of `JSON.stringify({ ...body, permalink,
 * contentHash })` with one stringify and one encoding instead of two of each. (JSON.stringify escapes
 * lone surrogates, so the UTF-8 bytes hashed are exactly those of the string.)
 */
export function publish(body: object, permalink: string): PublishedAnswer {
  return signed([Buffer.from(JSON.stringify({ ...body, permalink }))]);
}

/**
 * The bytes of an answer with its permalink (`unsigned`: the parts of one JSON object, in order),
 * hashed part by part, the hash appended as the last member: one copy of the parts, however many.
 */
export function signed(unsigned: readonly Buffer[]): PublishedAnswer {
  const hash = createHash('sha256');
  for (const part of unsigned) hash.update(part);
  const contentHash = hash.digest('hex');
  const last = unsigned[unsigned.length - 1];
  return { bytes: Buffer.concat([...unsigned.slice(0, -1), last.subarray(0, -1), Buffer.from(`,"contentHash":${JSON.stringify(contentHash)}}`)]), contentHash };
}

/**
 * Answers already serialised, by permalink: a permalink names the bytes of its answer for as
 * long as the log exists (the log position, the judgement instant and the world date are in it),
 * so a live answer asked again before the next event is sent from here. Bounded by `maxBytes`
 * (0 keeps none), least recently used first out.
 */
export class PublishedAnswers {
  private readonly answers: LRUCache<string, PublishedAnswer> | null;

  constructor(
    maxBytes: number,
    private readonly observer?: ReportCacheObserver,
  ) {
    this.answers = maxBytes > 0 ? new LRUCache<string, PublishedAnswer>({ maxSize: maxBytes, sizeCalculation: (answer) => answer.bytes.length + 64 }) : null;
  }

  /** The answer already sent under this permalink, if it is still kept (a miss is counted by `answer`). */
  peek(permalink: string): PublishedAnswer | undefined {
    const kept = this.answers?.get(permalink);
    if (kept) this.observer?.looked(true, 'answer');
    return kept;
  }

  /** The answer under this permalink: kept, or `serialise`d now and kept. */
  answer(permalink: string, serialise: (permalink: string) => PublishedAnswer): PublishedAnswer {
    const kept = this.answers?.get(permalink);
    if (this.answers) this.observer?.looked(kept !== undefined, 'answer');
    if (kept) return kept;
    const published = serialise(permalink);
    this.answers?.set(permalink, published);
    return published;
  }
}
