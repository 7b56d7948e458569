export * from './organization.entity.js';
export * from './user.entity.js';
export * from './api-key.entity.js';
export * from './caller.js';
export * from './accounts.service.js';
export * from './accounts.repository.js';
export * from './password-hasher.js';
export * from './organization-profile.service.js';
