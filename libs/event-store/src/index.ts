export * from './stored-event';
export * from './hash-chain';
export * from './event-store.errors';
export * from './event-row';
export * from './postgres-event-store';
export * from './append-sql';
export * from './transaction';
export * from './wake-signal';
