export * from './test-app.js';
export * from './factories.js';
export * from './registry-factories.js';
export * from './lot-fixtures.js';
export * from './label-fixtures.js';
export * from './public-fixtures.js';
export * from './processes.js';
export * from './label-jobs.js';
