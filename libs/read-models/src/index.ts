export * from './entities';
export * from './projection/row-projection';
export * from './projection/row-projection-table';
export * from './projection/projection-applier';
export * from './projection/store-projection-runner';
export * from './projection/projection-progress';
export * from './projections/all-projections';
export * from './rebuild';
