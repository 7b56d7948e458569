import { Module } from '@nestjs/common';
import { TraceabilityModule } from '../traceability.module.js';
import { AuditJobsService } from './audit-jobs.service.js';

/** Chain verification as a worker job, for the API (ask, read) and the worker (run). Needs the queue. */
@Module({ imports: [TraceabilityModule], providers: [AuditJobsService], exports: [AuditJobsService] })
export class AuditJobsModule {}
