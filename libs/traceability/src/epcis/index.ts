export * from './capture.errors.js';
export * from './capture-identifiers.js';
export * from './capture-plan.js';
export * from './capture.repository.js';
export * from './capture-runner.js';
export * from './capture.service.js';
export * from './capture.module.js';
