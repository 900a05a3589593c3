export * from './report-event';
export * from './editorial-view';
export * from './say-do-report.types';
export * from './say-do-report';
export * from './timeline';
export * from './topic-comparison';
export * from './time-axes';
