export * from './programme-scope.js';
export * from './programme.repository.js';
export * from './programme.service.js';
