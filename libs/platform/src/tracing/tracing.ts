import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  /** Sends what is buffered and stops (a stop step of each service). */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: async () => undefined };

let started = false;

/** Whether this process exports traces (components skip work that only feeds spans when not). */
export function tracingIsOn(): boolean {
  return started;
}

/**
 * OpenTelemetry traces, off unless an exporter is given: with OTEL_EXPORTER_OTLP_ENDPOINT, spans
 * go by OTLP/HTTP to `<endpoint>/v1/traces` in batches; tests pass their own exporter (exported
 * span by span). Registering sets the global tracer provider, the AsyncLocalStorage context
 * manager and the W3C trace-context propagator that the libraries' spans and `traceparent`s use.
 * Off, the libraries' spans are the OpenTelemetry API's no-ops and no `traceparent` is stored.
 */
export function startTracing(service: string, options: { otlpEndpoint?: string; exporter?: SpanExporter }): Tracing {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.otlpEndpoint
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }))
      : null;
  if (!processor) return OFF;
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [processor] });
  provider.register();
  started = true;
  return {
    shutdown: async () => {
      started = false;
      await provider.shutdown();
    },
  };
}
