export * from './test-app.js';
export * from './factories.js';
