import { Counter, Registry } from 'prom-client';

/**
 * What a report cache tells the metrics: `looked(true, report)` on a hit, `looked(false, report)` on
 * a miss. The API provides it under REPORT_CACHE_OBSERVER to its two caches (`fold`: a stakeholder's
 * kept fold; `answer`: a serialised answer by permalink).
 */
export interface ReportCacheObserver {
  looked(hit: boolean, report?: string): void;
}

export function reportCacheMetrics(registry: Registry): ReportCacheObserver {
  const lookups = new Counter({ name: 'saydo_report_cache_lookups_total', help: 'Report cache lookups, by result (hit or miss) and report', labelNames: ['result', 'report'], registers: [registry] });
  for (const report of ['fold', 'answer']) {
    lookups.inc({ result: 'hit', report }, 0);
    lookups.inc({ result: 'miss', report }, 0);
  }
  return { looked: (hit, report = 'other') => lookups.inc({ result: hit ? 'hit' : 'miss', report }) };
}
