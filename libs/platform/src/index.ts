export * from './config/app-config';
export * from './database/data-source';
export * from './database/api-key.entity';
export * from './database/embedded-postgres';
export * from './database/database-url';
export * from './process/run-service';
