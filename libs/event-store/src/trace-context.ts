import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Pool, PoolClient } from 'pg';

/** One tracer for the store and the libraries that feed from it; a no-op unless the app registered an SDK. */
export const saydoTracer = () => trace.getTracer('saydo');

/**
 * The W3C `traceparent` of the active span, or undefined when tracing is off. It is kept on the
 * event's outbox row, never in its metadata: metadata is part of the public, hash-chained record,
 * while a trace id is operational, meaningless after the traces expire, and would make two
 * identical facts differ. The outbox row lives as long as the event is in flight, which is
 * exactly as long as the trace context is useful (relay, projectors).
 */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The W3C `traceparent` naming one span (to carry it to another process). */
export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` names, to start a child span in another process or later. */
export function contextFromTraceparent(traceparent: string | undefined) {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

/** Runs `work` in a span (child of the active span, or of `parent`); records a failure and always ends it. */
export async function inSpan<T>(name: string, work: (span: Span) => Promise<T>, options: { parent?: string; kind?: SpanKind; attributes?: Record<string, string | number> } = {}): Promise<T> {
  return saydoTracer().startActiveSpan(name, { kind: options.kind, attributes: options.attributes }, contextFromTraceparent(options.parent), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The trace context stored with each event's outbox row in a range of positions (absent when traced off). */
export async function readTraceparents(db: Pool | PoolClient, after: number, upTo: number): Promise<Map<number, string>> {
  if (upTo <= after) return new Map();
  const { rows } = await db.query<{ position: string; traceparent: string }>(
    'SELECT position, traceparent FROM outbox WHERE position > $1 AND position <= $2 AND traceparent IS NOT NULL',
    [after, upTo],
  );
  return new Map(rows.map((row) => [Number(row.position), row.traceparent]));
}

/**
 * One span per distinct trace a batch of work belongs to (a request's events share one), opened
 * before the work and ended after it, failed if it throws. Without traces it costs nothing.
 */
export async function inSpansPerTrace<T>(name: string, traceparents: Iterable<string | undefined>, work: () => Promise<T>, options: { kind?: SpanKind; attributes?: Record<string, string | number> } = {}): Promise<T> {
  const distinct = [...new Set([...traceparents].filter((t): t is string => !!t))];
  if (distinct.length === 0) return work();
  const spans = distinct.map((traceparent) => saydoTracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, contextFromTraceparent(traceparent)));
  try {
    return await work();
  } catch (error) {
    for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/** Runs synchronous work (a pure decision) in a child span of the active one. */
export function tracedSync<T>(name: string, attributes: Record<string, string | number>, work: () => T): T {
  return saydoTracer().startActiveSpan(name, { attributes }, (span) => {
    try {
      return work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
