import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  assertPayloadFits,
  assertStartPosition,
  findTemplate,
  LabelException,
  LABEL_TEMPLATES,
  MAX_OFFSET_MM,
  renderLabels,
  type LabelLanguage,
  type LabelTemplate,
} from '@app/labels';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { toLocalDate } from '../common/dates.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';
import type { LabelJob } from './label-job.js';
import { labelDomainException } from './label-job.exception.js';
import { LabelJobsRepository } from './label-jobs.repository.js';
import { buildLabelSnapshot, labelItems, labelJobView, longestPayload } from './label-snapshot.js';
import { LABEL_STORAGE, type LabelStorage } from './label-storage.js';

export interface CreateLabelJobInput {
  lotId: string;
  templateId: string;
  count: number;
  serialized: boolean;
  startPosition?: number;
  offsetXMm?: number;
  offsetYMm?: number;
  outline?: boolean;
  language?: LabelLanguage;
}

export interface LabelJobPdf {
  stream: Readable;
  size: number;
  filename: string;
  sha256: string;
}

const MAX_PAGE_SIZE = 200;
/** Past this the job is accepted anyway: its row is committed and the re-enqueue sweep will queue it. */
const ENQUEUE_TIMEOUT_MS = 3_000;

/** Label jobs as operators see them: create (snapshot + serials + enqueue), read, list, download. */
@Injectable()
export class LabelJobsService {
  private readonly logger = new Logger(LabelJobsService.name);

  constructor(
    private readonly repository: LabelJobsRepository,
    private readonly producer: QueueProducer,
    @Inject(LABEL_STORAGE) private readonly storage: LabelStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  templates(): readonly LabelTemplate[] {
    return LABEL_TEMPLATES;
  }

  /**
   * Checks the request, then in one transaction: snapshots what will be printed, allocates the serial
   * range and writes the job row. Enqueueing comes after the commit; if Redis is unreachable the row
   * stays `queued` and the worker's re-enqueue sweep picks it up.
   */
  async create(caller: Caller, input: CreateLabelJobInput): Promise<LabelJob> {
    const template = findTemplate(input.templateId);
    if (!template) {
      throw new DomainException('LABEL_TEMPLATE_UNKNOWN', `templateId: unknown label template ${JSON.stringify(input.templateId)}`, 'validation', {
        field: 'templateId',
        known: LABEL_TEMPLATES.map((t) => t.id),
      });
    }
    if (!Number.isInteger(input.count) || input.count < 1) {
      throw new InvalidFieldException('LABEL_COUNT_INVALID', 'count', 'must be a whole number of labels, at least 1');
    }
    if (input.count > this.config.labelJobMaxCount) {
      throw new DomainException('LABEL_COUNT_TOO_LARGE', `count: at most ${this.config.labelJobMaxCount} labels per job; split the print run`, 'validation', {
        field: 'count',
        max: this.config.labelJobMaxCount,
      });
    }
    const startPosition = input.startPosition ?? 1;
    try {
      assertStartPosition(template, startPosition);
    } catch (error) {
      if (error instanceof LabelException) throw labelDomainException(error, 'startPosition');
      throw error;
    }
    const offsetXMm = input.offsetXMm ?? 0;
    const offsetYMm = input.offsetYMm ?? 0;
    for (const [field, value] of [['offsetXMm', offsetXMm], ['offsetYMm', offsetYMm]] as const) {
      if (!Number.isFinite(value) || Math.abs(value) > MAX_OFFSET_MM) {
        throw new InvalidFieldException('LABEL_OFFSET_OUT_OF_RANGE', field, `a printer calibration offset must be within ±${MAX_OFFSET_MM} mm`);
      }
    }
    const language = input.language ?? 'vi';

    const job = await this.repository.transaction(async (db) => {
      const source = await this.repository.findLabelSource(db, caller.organizationId, input.lotId, toLocalDate(new Date()));
      if (!source) throw notFound('Lot', input.lotId, 'lotId');
      if (source.lotStatus === 'recalled') {
        throw new DomainException('LOT_RECALLED', `lotId: lot ${source.lotCode} is recalled; its labels cannot be printed`, 'validation', { field: 'lotId' });
      }
      if (source.lotStatus === 'voided') {
        throw new DomainException('LOT_VOIDED', `lotId: lot ${source.lotCode} is voided; its labels cannot be printed`, 'validation', { field: 'lotId' });
      }
      const snapshot = buildLabelSnapshot(source, this.config.publicBaseUrl);
      const serials = input.serialized ? await this.repository.allocateSerials(db, input.count) : null;
      try {
        // The last serial is the longest: if its QR fits the template, every label's does.
        assertPayloadFits(template, longestPayload(snapshot, serials?.last ?? null));
      } catch (error) {
        if (error instanceof LabelException) throw labelDomainException(error, 'templateId');
        throw error;
      }
      return this.repository.insert(db, caller.organizationId, {
        lotId: input.lotId,
        templateId: template.id,
        count: input.count,
        serialized: input.serialized,
        startPosition,
        offsetXMm,
        offsetYMm,
        outline: input.outline ?? false,
        language,
        snapshot,
        serialFirst: serials?.first ?? null,
        serialLast: serials?.last ?? null,
        createdBy: caller.userId,
        createdByApiKeyId: caller.apiKeyId,
      });
    });

    // The queue client waits for Redis rather than failing: do not hold the request for it.
    const enqueued = this.producer.add(JobName.RenderLabels, job.id, { organizationId: job.organizationId, labelJobId: job.id });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        enqueued,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from the queue in ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS))),
      ]);
    } catch (error) {
      enqueued.catch(() => undefined);
      this.logger.warn(`Label job ${job.id} stays queued for the re-enqueue sweep: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    return job;
  }

  async get(caller: Caller, id: string): Promise<LabelJob> {
    const job = await this.repository.find(caller.organizationId, id);
    if (!job) throw notFound('Label job', id);
    return job;
  }

  async listForLot(caller: Caller, lotId: string, options: { limit?: number; cursor?: string }): Promise<{ items: LabelJob[]; nextCursor?: string }> {
    if (!(await this.repository.lotExists(caller.organizationId, lotId))) {
      throw notFound('Lot', lotId);
    }
    const limit = Math.min(options.limit ?? 50, MAX_PAGE_SIZE);
    // The common keyset codec; the time at millisecond precision, as the entity carries it (and the query compares it).
    const after = options.cursor ? decodeKeysetCursor(options.cursor, { value: 'timestamp' }) : undefined;
    const items = await this.repository.listForLot(caller.organizationId, lotId, limit + 1, after && { createdAt: new Date(after.value), id: after.id });
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, ...(more && last ? { nextCursor: encodeKeysetCursor({ value: last.createdAt.toISOString(), id: last.id }) } : {}) };
  }

  async openPdf(caller: Caller, id: string): Promise<LabelJobPdf> {
    const job = await this.get(caller, id);
    if (job.status === 'failed') {
      throw new DomainException('LABEL_JOB_FAILED', `label job ${id} failed (${job.errorCode}): ${job.errorMessage}`, 'conflict', {
        status: job.status,
        errorCode: job.errorCode,
      });
    }
    if (job.status !== 'done' || !job.fileKey) {
      throw new DomainException('LABEL_JOB_NOT_READY', `label job ${id} is ${job.status} (${job.progress}/${job.count} labels); the PDF is not ready yet`, 'conflict', {
        status: job.status,
        progress: job.progress,
        total: job.count,
      });
    }
    const file = await this.storage.openRead(job.fileKey);
    if (!file) {
      this.logger.error(`Label job ${id} is done but its file ${job.fileKey} is missing from storage`);
      throw new DomainException('LABEL_JOB_FILE_MISSING', `label job ${id}: the PDF is missing from storage; create the job again`, 'conflict');
    }
    return { stream: file.stream, size: file.size, sha256: job.fileSha256!, filename: pdfFilename(job) };
  }

  /** One label of the job on a page of its own size, rendered on the spot (the first serial, with outline). */
  async preview(caller: Caller, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const job = await this.get(caller, id);
    const template = findTemplate(job.templateId);
    if (!template) throw new DomainException('LABEL_TEMPLATE_UNKNOWN', `templateId: unknown label template ${job.templateId}`, 'validation');
    const single: LabelTemplate = {
      ...template,
      kind: 'roll',
      pageWidthMm: template.labelWidthMm,
      pageHeightMm: template.labelHeightMm,
      columns: 1,
      rows: 1,
      marginTopMm: 0,
      marginLeftMm: 0,
      pitchXMm: template.labelWidthMm,
      pitchYMm: template.labelHeightMm,
    };
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const first = labelItems(job.snapshot, { count: 1, serialized: job.serialized, serialFirst: job.serialFirst });
    await renderLabels({ template: single, view: labelJobView(job.snapshot, job.language), labels: first, count: 1, outline: true }, sink);
    return { pdf: Buffer.concat(chunks), filename: pdfFilename(job).replace(/\.pdf$/, '-preview.pdf') };
  }
}

/** ASCII only: lot codes use the GS1 character set, which allows characters a filename should not carry. */
function pdfFilename(job: LabelJob): string {
  const lot = job.snapshot.lotCode.replace(/[^A-Za-z0-9._-]+/g, '_');
  const serials = job.serialFirst ? `-${job.serialFirst}-${job.serialLast}` : '';
  return `tem-${lot}-${job.templateId}${serials}.pdf`;
}
