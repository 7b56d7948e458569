export * from './upload-types.js';
export * from './upload-query.dto.js';
export * from './template-query.dto.js';
export * from './commit-import.dto.js';
export * from './import-row-error.dto.js';
export * from './import.dto.js';
export * from './import-column.dto.js';
export * from './import-kind.dto.js';
