import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { EpcisCaptureModule, ImportsModule, LabelJobsModule, LotJobsModule, ProgrammeReportsModule, ShowcaseModule, TRACEABILITY_ENTITIES, TraceabilityModule } from '@app/traceability';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { LabelRenderProcessor } from './processors/label-render.processor.js';
import { RequeueStuckJobsScheduler } from './processors/requeue-stuck-jobs.scheduler.js';
import { LabelFileSweepScheduler } from './processors/label-file-sweep.scheduler.js';
import { WorkerShutdown } from './worker-shutdown.service.js';
import { ImportCommitProcessor } from './processors/import-commit.processor.js';
import { EpcisCaptureProcessor } from './processors/epcis-capture.processor.js';
import { LotJobsProcessor } from './processors/lot-jobs.processor.js';
import { ProgrammeAlertsScheduler } from './processors/programme-alerts.scheduler.js';
import { ProgrammeRollupsScheduler } from './processors/programme-rollups.scheduler.js';

/** The worker: the same domain providers as the API, no HTTP server. */
@Module({
  providers: [MaintenanceProcessor, LabelRenderProcessor, ImportCommitProcessor, EpcisCaptureProcessor, LotJobsProcessor, RequeueStuckJobsScheduler, LabelFileSweepScheduler, ProgrammeAlertsScheduler, ProgrammeRollupsScheduler, WorkerShutdown],
})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(TRACEABILITY_ENTITIES), QueueModule.forRoot({ workers: true }), TraceabilityModule, LabelJobsModule, ImportsModule, ProgrammeReportsModule, ShowcaseModule, EpcisCaptureModule, LotJobsModule],
    };
  }
}
