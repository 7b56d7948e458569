import { CLOCK, systemClock } from './clock.js';
import { AuditService } from './audit.service.js';
import { EventsRepository } from './events.repository.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';
import { LotRegistryRepository } from './lot-registry.repository.js';
import { LotsRepository } from './lots.repository.js';
import { OperationResultsService } from './operation-results.service.js';
import { LOT_OPERATION_PROVIDERS } from './operations/index.js';
import { LotReportsRepository } from './reports.repository.js';
import { LotReportsService } from './reports.service.js';
import { TraceRepository } from './trace.repository.js';
import { TraceService } from './trace.service.js';

export * from './clock.js';
export * from './lot-rows.js';
export * from './event-rows.js';
export * from './event-hash.js';
export * from './quantity.js';
export * from './lot-views.js';
export * from './events.repository.js';
export * from './lots.repository.js';
export * from './lot-registry.repository.js';
export * from './trace.repository.js';
export * from './exports.repository.js';
export * from './reports.repository.js';
export * from './operations/index.js';
export * from './operation-results.service.js';
export * from './trace.service.js';
export * from './audit.service.js';
export * from './audit-jobs.service.js';
export * from './recall-jobs.service.js';
export * from './exports.service.js';
export * from './reports.service.js';

/** Lots and events providers, added to TraceabilityModule. */
export const LOTS_PROVIDERS = [
  { provide: CLOCK, useValue: systemClock },
  EventsRepository,
  LotsRepository,
  LotRegistryRepository,
  TraceRepository,
  ExportsRepository,
  LotReportsRepository,
  ...LOT_OPERATION_PROVIDERS,
  OperationResultsService,
  TraceService,
  AuditService,
  ExportsService,
  LotReportsService,
];
