import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { LabelFileSweeper, LabelJobRenderer, LabelJobRequeuer } from './label-job-renderer.js';
import { LabelJobsRepository } from './label-jobs.repository.js';
import { LabelJobsService } from './label-jobs.service.js';
import { LABEL_STORAGE, LocalLabelStorage } from './label-storage.js';

const providers = [
  LabelJobsRepository,
  LabelJobsService,
  LabelJobRenderer,
  LabelJobRequeuer,
  LabelFileSweeper,
  // The local directory today; an object store replaces it behind the same token.
  { provide: LABEL_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalLabelStorage(config.storageDir) },
];

/** Label jobs for the API (create, read, download) and the worker (render, re-enqueue). */
@Module({ providers, exports: providers })
export class LabelJobsModule {}
