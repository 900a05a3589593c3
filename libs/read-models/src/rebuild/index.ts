export * from './shadow-tables';
export * from './rebuild-progress';
export * from './projection-rebuild';
