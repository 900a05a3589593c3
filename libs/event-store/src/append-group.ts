import { IdempotencyKeyReusedError, WrongExpectedVersionError } from './event-store.errors';
import { chainHash, EventJson, eventJson } from './hash-chain';
import { AppendedEvent, NewEvent, sealEvent, StoredEvent } from './stored-event';

/** One writer's append, as it waits to be committed with the others that arrived at the same time. */
export interface AppendRequest {
  events: readonly NewEvent[];
  principal: string;
  /** For each stream the writer decided on, the version it saw (0 = must not exist); may name streams it only read. */
  expectedVersions: ReadonlyMap<string, number>;
  idempotency?: { key: string; requestHash: string };
  /** W3C trace context of the writer, kept on the events' outbox rows (not in the hash chain); see trace-context.ts. */
  traceparent?: string;
}

export type AppendOutcome = { replayed: boolean; events: AppendedEvent[] };

/** What the log looked like under the lock, read in one round trip for the whole group. */
export interface LogSnapshot {
  head: { position: number; hash: string };
  recordedAt: string;
  /** Current version of every stream the group names (absent = the stream does not exist). */
  versions: ReadonlyMap<string, number>;
  /** Stored idempotency results of the group's keys, by idempotencyRef(principal, key). */
  idempotency: ReadonlyMap<string, { requestHash: string; result: AppendedEvent[] }>;
}

export type RequestVerdict = { ok: true; outcome: AppendOutcome } | { ok: false; error: Error };

/** What one transaction writes for a whole group, and what each request will be answered. */
export interface GroupPlan {
  verdicts: RequestVerdict[];
  /** Events of the accepted requests, in position order, chained. */
  rows: StoredEvent[];
  /** The canonical data and metadata of each row (same order), as hashed: the INSERT sends these. */
  json: EventJson[];
  idempotencyRows: Array<{ principal: string; key: string; requestHash: string; result: AppendedEvent[] }>;
}

export function idempotencyRef(principal: string, key: string): string {
  return JSON.stringify([principal, key]);
}

/** Every stream and idempotency key a group needs to know about before it is planned. */
export function groupNeeds(requests: readonly AppendRequest[]): { streamIds: string[]; idempotency: Array<{ principal: string; key: string }> } {
  const streamIds = new Set<string>();
  const keys = new Map<string, { principal: string; key: string }>();
  for (const request of requests) {
    for (const streamId of request.expectedVersions.keys()) streamIds.add(streamId);
    for (const event of request.events) streamIds.add(event.streamId);
    if (request.idempotency) keys.set(idempotencyRef(request.principal, request.idempotency.key), { principal: request.principal, key: request.idempotency.key });
  }
  return { streamIds: [...streamIds], idempotency: [...keys.values()] };
}

/**
 * Decides each request of a group in arrival order exactly as if they had been appended one after
 * the other: a request sees the versions, positions, chain and idempotency keys the earlier ones
 * of the group left, and one that fails (stale version, reused key) is refused alone and leaves
 * no trace for the next ones. Pure: the caller reads the snapshot under the lock and writes the plan.
 * `json` holds each request's events in canonical JSON; the committer writes it before the lock
 * (while the group ahead commits), so what is left under the lock is the hashing.
 */
export function planGroup(
  requests: readonly AppendRequest[],
  snapshot: LogSnapshot,
  json: ReadonlyArray<readonly EventJson[]> = requests.map((request) => request.events.map(eventJson)),
): GroupPlan {
  const versions = new Map(snapshot.versions);
  const idempotency = new Map(snapshot.idempotency);
  let position = snapshot.head.position;
  let previousHash = snapshot.head.hash;
  const rows: StoredEvent[] = [];
  const rowJson: EventJson[] = [];
  const idempotencyRows: GroupPlan['idempotencyRows'] = [];

  const verdicts = requests.map((request, r): RequestVerdict => {
    const ref = request.idempotency && idempotencyRef(request.principal, request.idempotency.key);
    if (request.idempotency && ref) {
      const earlier = idempotency.get(ref);
      if (earlier) {
        if (earlier.requestHash !== request.idempotency.requestHash) return { ok: false, error: new IdempotencyKeyReusedError(request.idempotency.key) };
        return { ok: true, outcome: { replayed: true, events: earlier.result } };
      }
    }
    for (const [streamId, expected] of request.expectedVersions) {
      const actual = versions.get(streamId) ?? 0;
      if (actual !== expected) return { ok: false, error: new WrongExpectedVersionError(streamId, expected, actual) };
    }
    const appended = request.events.map((event, e) => {
      const streamVersion = (versions.get(event.streamId) ?? 0) + 1;
      versions.set(event.streamId, streamVersion);
      position += 1;
      const sealed = sealEvent(event, { position, streamVersion, recordedAt: snapshot.recordedAt, principal: request.principal });
      const hash = chainHash(previousHash, sealed, json[r][e]);
      previousHash = hash;
      rows.push({ ...sealed, hash });
      rowJson.push(json[r][e]);
      return { eventId: sealed.eventId, streamId: sealed.streamId, streamVersion, position, recordedAt: sealed.recordedAt, hash };
    });
    if (request.idempotency && ref) {
      idempotency.set(ref, { requestHash: request.idempotency.requestHash, result: appended });
      idempotencyRows.push({ principal: request.principal, key: request.idempotency.key, requestHash: request.idempotency.requestHash, result: appended });
    }
    return { ok: true, outcome: { replayed: false, events: appended } };
  });
  return { verdicts, rows, json: rowJson, idempotencyRows };
}
