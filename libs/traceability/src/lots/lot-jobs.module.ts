import { Module } from '@nestjs/common';
import { TraceabilityModule } from '../traceability.module.js';
import { AuditJobsService } from './audit-jobs.service.js';
import { RecallJobsService } from './recall-jobs.service.js';

/** Long lot work as worker jobs (chain verification, large recalls), for the API (ask, read). Needs the queue. */
@Module({ imports: [TraceabilityModule], providers: [AuditJobsService, RecallJobsService], exports: [AuditJobsService, RecallJobsService] })
export class LotJobsModule {}
