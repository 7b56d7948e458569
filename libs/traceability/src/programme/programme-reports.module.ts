import { Module } from '@nestjs/common';
import { LabelJobsModule } from '../labels/label-jobs.module.js';
import { TraceabilityModule } from '../traceability.module.js';
import { ProgrammeReportsRepository } from './programme-reports.repository.js';
import { ProgrammeReportsService } from './programme-reports.service.js';

const providers = [ProgrammeReportsRepository, ProgrammeReportsService];

/** Monthly programme reports for the API (request, read, download) and the worker (render); files in the label storage. */
@Module({ imports: [TraceabilityModule, LabelJobsModule], providers, exports: providers })
export class ProgrammeReportsModule {}
