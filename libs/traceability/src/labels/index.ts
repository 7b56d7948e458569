export * from './label-job.entity.js';
export * from './label-job.exception.js';
export * from './label-job-renderer.js';
export * from './label-jobs.module.js';
export * from './label-jobs.repository.js';
export * from './label-jobs.service.js';
export * from './label-snapshot.js';
export * from './label-storage.js';
