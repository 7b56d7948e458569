export * from './common/domain.exception.js';
export * from './accounts/index.js';
export * from './idempotency/idempotency.repository.js';
export * from './entities.js';
export * from './traceability.module.js';
export * from './demo/demo-seed.js';
