export * from './certification-list-query.dto.js';
export * from './certification.dto.js';
export * from './create-certification.dto.js';
export * from './update-certification.dto.js';
