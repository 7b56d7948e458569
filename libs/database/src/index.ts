export * from './data-source.js';
export * from './migrate.js';
export * from './transaction.js';
export * from './embedded-postgres.js';
export * from './snake-naming.strategy.js';
export { MIGRATIONS } from './migrations/index.js';
export * from './database.module.js';
export * from './notifications.js';
export * from './database-errors.js';
