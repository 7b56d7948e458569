import { Module } from '@nestjs/common';
import { TraceabilityModule } from '../traceability.module.js';
import { HistoryImporter } from './history/history-importer.js';
import { ImportCommitter } from './import-committer.js';
import { IMPORT_KIND_PROVIDERS } from './import-kinds.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';

const providers = [...IMPORT_KIND_PROVIDERS, ImportsRepository, ImportsService, ImportCommitter, HistoryImporter];

/** Spreadsheet imports for the API (upload, dry run, templates) and the worker (commit). */
@Module({ imports: [TraceabilityModule], providers, exports: providers })
export class ImportsModule {}
