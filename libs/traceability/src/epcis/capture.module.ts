import { Module } from '@nestjs/common';
import { TraceabilityModule } from '../traceability.module.js';
import { CaptureRepository } from './capture.repository.js';
import { CaptureRunner } from './capture-runner.js';
import { CaptureService } from './capture.service.js';

const providers = [CaptureRepository, CaptureService, CaptureRunner];

/** EPCIS 2.0 capture for the API (submit, state) and the worker (run). */
@Module({ imports: [TraceabilityModule], providers, exports: providers })
export class EpcisCaptureModule {}
