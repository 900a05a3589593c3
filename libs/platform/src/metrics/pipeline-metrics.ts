import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the outbox relay reports as it publishes (wired to OutboxRelayOptions.onPublished). */
export function relayMetrics(registry: Registry) {
  const published = new Counter({ name: 'saydo_outbox_published_total', help: 'Events the relay published to Kafka', registers: [registry] });
  const lag = new Histogram({
    name: 'saydo_outbox_relay_lag_seconds',
    help: 'From an event’s commit to the broker’s acknowledgement of it',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  return {
    published(events: ReadonlyArray<{ recordedAt: string }>, now = Date.now()) {
      published.inc(events.length);
      for (const event of events) lag.observe(Math.max(0, (now - Date.parse(event.recordedAt)) / 1000));
    },
  };
}

/** What a Kafka projector reports after each chunk it applied (wired to KafkaProjectorOptions.onChunkApplied). */
export function projectorMetrics(registry: Registry) {
  const lag = new Gauge({ name: 'saydo_projector_partition_lag_messages', help: 'Messages of a partition not yet applied (broker high watermark minus next offset)', labelNames: ['partition'], registers: [registry] });
  const applied = new Counter({ name: 'saydo_projector_messages_applied_total', help: 'Kafka messages the projector applied, by partition', labelNames: ['partition'], registers: [registry] });
  const watermark = new Gauge({ name: 'saydo_projector_watermark_position', help: 'Contiguous position every projection reached, as this projector last moved it', registers: [registry] });
  return {
    chunkApplied(chunk: { partition: number; messages: number; nextOffset: number; highWatermark: number; watermark: number }) {
      const partition = String(chunk.partition);
      applied.inc({ partition }, chunk.messages);
      lag.set({ partition }, Math.max(0, chunk.highWatermark - chunk.nextOffset));
      watermark.set(chunk.watermark);
    },
  };
}
