export * from './registry';
export * from './append-metrics';
export * from './log-gauges';
export * from './pipeline-metrics';
export * from './report-cache-metrics';
export * from './metrics-server';
