import { Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) from a group commit's best case to a stalled database. */
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The event store's metrics; the returned object is an AppendObserver of @saydo/event-store
 * (matched by shape, so that library needs no metrics client).
 */
export function appendMetrics(registry: Registry) {
  const appendSeconds = new Histogram({
    name: 'saydo_append_duration_seconds',
    help: 'One append (command) from submission to its answer: queue wait, group transaction and commit',
    labelNames: ['outcome'],
    buckets: SECONDS,
    registers: [registry],
  });
  const lockWaitSeconds = new Histogram({
    name: 'saydo_append_lock_wait_seconds',
    help: 'Time a group transaction took to BEGIN, take the append lock and read its snapshot',
    buckets: SECONDS,
    registers: [registry],
  });
  const groupCommands = new Histogram({
    name: 'saydo_append_group_commands',
    help: 'Appends (commands) committed together in one group transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [registry],
  });
  const groupEvents = new Histogram({
    name: 'saydo_append_group_events',
    help: 'Events written by one group transaction',
    buckets: [1, 5, 10, 50, 100, 500, 1000, 5000],
    registers: [registry],
  });
  const eventsAppended = new Counter({ name: 'saydo_events_appended_total', help: 'Events committed to the log, by type', labelNames: ['type'], registers: [registry] });
  return {
    appendSettled(seconds: number, outcome: 'ok' | 'refused' | 'failed') {
      appendSeconds.observe({ outcome }, seconds);
    },
    lockAcquired(seconds: number) {
      lockWaitSeconds.observe(seconds);
    },
    groupCommitted(commands: number, events: ReadonlyArray<{ type: string }>) {
      groupCommands.observe(commands);
      groupEvents.observe(events.length);
      const byType = new Map<string, number>();
      for (const event of events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      for (const [type, count] of byType) eventsAppended.inc({ type }, count);
    },
  };
}
