/** Injection tokens of the metrics module (prom-client classes are not Nest providers themselves). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
export const APPEND_OBSERVER = Symbol('APPEND_OBSERVER');
/** A ReportCacheObserver (@saydo/platform): a report cache calls `looked(hit)` on each lookup. */
export const REPORT_CACHE_OBSERVER = Symbol('REPORT_CACHE_OBSERVER');
export const PIPELINE_OBSERVERS = Symbol('PIPELINE_OBSERVERS');
