export * from './admin-units.js';
export * from './address-migration.service.js';
