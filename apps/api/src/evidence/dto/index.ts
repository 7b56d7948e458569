export * from './evidence-photo.dto.js';
export * from './evidence-photo-image-query.dto.js';
export * from './evidence-photo-upload-query.dto.js';
