export * from './photo-storage.js';
export * from './photos.js';
export * from './public-profile.service.js';
export * from './showcase.errors.js';
export * from './showcase.module.js';
export * from './showcase.repository.js';
export * from './showcase.service.js';
export * from './showcase.types.js';
