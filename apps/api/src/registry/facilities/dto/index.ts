export * from './create-facility.dto.js';
export * from './facility-list-query.dto.js';
export * from './facility.dto.js';
export * from './update-facility.dto.js';
