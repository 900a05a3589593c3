import { Gauge, Registry } from 'prom-client';

interface Queryable {
  query<R extends Record<string, unknown>>(sql: string): Promise<{ rows: R[] }>;
}

interface LogRow extends Record<string, unknown> {
  head: string | null;
  watermark: string | null;
  backlog: string;
  oldest: number | null;
  rebuilds: Record<string, string> | null;
}

const LOG_GAUGES_SQL = `
  SELECT (SELECT max(position) FROM events) AS head,
         (SELECT min(position) FROM projection_checkpoints WHERE name NOT LIKE 'rebuild:%') AS watermark,
         (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS backlog,
         (SELECT extract(epoch FROM now() - min(e.recorded_at))::float8 FROM outbox o JOIN events e USING (position) WHERE o.published_at IS NULL) AS oldest,
         (SELECT jsonb_object_agg(substr(name, 9), position) FROM projection_checkpoints WHERE name LIKE 'rebuild:%') AS rebuilds`;

/**
 * Gauges read from PostgreSQL when scraped, so every process that can reach the database shows
 * the same truth whichever one relays or projects: log head, projection watermark, outbox backlog
 * and the age of its oldest row (the relay's lag), and each running rebuild's position.
 * prom-client collects the metrics of a scrape concurrently; they share one query per scrape.
 * A failed query leaves the gauges at their last value and sets saydo_log_gauges_scrape_ok to 0.
 */
export function logGauges(registry: Registry, db: Queryable): void {
  let inFlight: Promise<void> | null = null;
  const refresh = () => (inFlight ??= read().finally(() => (inFlight = null)));
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry], collect: refresh });

  const head = gauge('saydo_log_head_position', 'Highest committed log position');
  const watermark = gauge('saydo_projection_watermark_position', 'Position up to which every live projection is applied');
  const backlog = gauge('saydo_outbox_backlog_events', 'Committed events the outbox relay has not published yet');
  const oldest = gauge('saydo_outbox_oldest_unpublished_age_seconds', 'Age of the oldest unpublished outbox event (0 when none): the relay lag');
  const rebuild = gauge('saydo_rebuild_position', 'Position a projection rebuild has reached (compare with saydo_log_head_position)', ['projection']);
  const ok = gauge('saydo_log_gauges_scrape_ok', '1 when the last scrape read the log gauges from PostgreSQL, 0 when that query failed');

  async function read(): Promise<void> {
    try {
      const { rows } = await db.query<LogRow>(LOG_GAUGES_SQL);
      const row = rows[0];
      head.set(Number(row.head ?? 0));
      watermark.set(Number(row.watermark ?? 0));
      backlog.set(Number(row.backlog));
      oldest.set(Math.max(0, row.oldest ?? 0));
      rebuild.reset();
      for (const [projection, position] of Object.entries(row.rebuilds ?? {})) rebuild.set({ projection }, Number(position));
      ok.set(1);
    } catch {
      ok.set(0);
    }
  }
}
