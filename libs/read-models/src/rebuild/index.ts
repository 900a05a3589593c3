export * from './shadow-tables';
export * from './rebuild-progress';
export * from './projection-rebuild';
export * from './rebuild-claim';
export * from './table-privileges';
