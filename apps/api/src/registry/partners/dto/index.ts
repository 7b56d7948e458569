export * from './create-partner.dto.js';
export * from './partner-list-query.dto.js';
export * from './partner.dto.js';
export * from './schemas.js';
export * from './update-partner.dto.js';
