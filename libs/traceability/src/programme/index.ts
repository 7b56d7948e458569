export * from './programme-scope.js';
export * from './programme.repository.js';
export * from './programme.service.js';
export * from './programme-alerts.repository.js';
export * from './programme-alerts.service.js';
export { todayInVietnam } from '../registry/common/fields.js';
