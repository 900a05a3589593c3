import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A span as an OTLP/HTTP JSON export carries it, flattened. */
export interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startNanos: bigint;
  attributes: Record<string, string | number | boolean>;
}

export const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

/**
 * An in-memory OpenTelemetry collector for tests: it answers OTLP/HTTP JSON trace exports on
 * POST /v1/traces and keeps every span, so a test sees exactly what a real collector would receive.
 */
export class OtlpCollector {
  readonly spans: CollectedSpan[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/v1/traces') {
          this.spans.push(...flatten(JSON.parse(body)));
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else {
          response.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Waits (bounded) until a span matching `found` arrived; the exporter sends in batches. */
  async waitFor(found: (span: CollectedSpan) => boolean, what: string): Promise<CollectedSpan> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const span = this.spans.find(found);
      if (span) return span;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${what} span reached the collector; it has: ${this.spans.map((span) => span.name).join(', ')}`);
  }
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: OtlpValue }> };
    scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; startTimeUnixNano: string | number; attributes?: Array<{ key: string; value: OtlpValue }> }> }>;
  }>;
}

function flatten(payload: OtlpExport): CollectedSpan[] {
  const value = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.doubleValue ?? v.boolValue ?? ''));
  return payload.resourceSpans.flatMap((resource) => {
    const service = String(value(resource.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {}));
    return resource.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        service,
        traceId: hex(span.traceId),
        spanId: hex(span.spanId),
        parentSpanId: span.parentSpanId ? hex(span.parentSpanId) : '',
        name: span.name,
        kind: span.kind,
        startNanos: BigInt(span.startTimeUnixNano),
        attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, value(a.value)])),
      })),
    );
  });
}

/** OTLP JSON ids are hex; accept base64 too (the protobuf-to-JSON default) so a change of encoder cannot hide spans. */
function hex(id: string): string {
  return /^[0-9a-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex');
}

/** The spans of one trace as an indented tree, children in start order: what a trace view shows. */
export function traceTree(spans: readonly CollectedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const kinds = Object.fromEntries(Object.entries(SPAN_KIND).map(([name, kind]) => [kind, name]));
  const children = (parent: string) => spans.filter((span) => (ids.has(span.parentSpanId) ? span.parentSpanId : '') === parent).sort((a, b) => (a.startNanos < b.startNanos ? -1 : 1));
  const lines: string[] = [];
  const walk = (span: CollectedSpan, depth: number) => {
    const detail = Object.entries(span.attributes)
      .filter(([key]) => /^(http\.route|http\.response\.status_code|saydo\.|messaging\.destination)/.test(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    lines.push(`${'  '.repeat(depth)}${span.name} [${kinds[span.kind]}, ${span.service}] ${detail}`.trimEnd());
    children(span.spanId).forEach((child) => walk(child, depth + 1));
  };
  children('').forEach((root) => walk(root, 0));
  return lines.join('\n');
}
