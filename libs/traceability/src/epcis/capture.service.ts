import { Injectable, Logger } from '@nestjs/common';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { createEpcisValidator, type EpcisValidator } from '../exports/epcis-validator.js';
import { CaptureRepository, type CaptureErrorBehaviour, type CaptureRow } from './capture.repository.js';

/** The capture limits, advertised in GS1-EPCIS-Capture-Limit and GS1-EPCIS-Capture-File-Size-Limit. */
export const EPCIS_CAPTURE_EVENT_LIMIT = 10_000;
export const EPCIS_CAPTURE_FILE_SIZE_LIMIT = 16 * 1024 * 1024;
/** What the HTTP layer lets through, so that a document somewhat over the limit still gets EPCIS_CAPTURE_TOO_LARGE. */
export const EPCIS_CAPTURE_BODY_LIMIT = EPCIS_CAPTURE_FILE_SIZE_LIMIT * 2;

const ENQUEUE_TIMEOUT_MS = 2_000;
const MAX_LIST = 100;

/** A capture job as the EPCIS client sees it (docs/public-contract.md#epcis-capture). */
export interface CaptureView {
  id: string;
  captureID: string;
  running: boolean;
  success: boolean | null;
  status: CaptureRow['status'];
  captureErrorBehaviour: CaptureErrorBehaviour;
  eventCount: number;
  processedCount: number;
  capturedCount: number;
  duplicateCount: number;
  refusedCount: number;
  /** 0–100. */
  progress: number;
  errors: CaptureRow['errors'];
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * EPCIS 2.0 capture (GS1 EPCIS 2.0 REST binding, `POST /capture`): the document is checked against
 * GS1's schema and the limits here, stored as a capture job, and recorded by the worker
 * (CaptureRunner).
 */
@Injectable()
export class CaptureService {
  private readonly logger = new Logger(CaptureService.name);
  private validator: EpcisValidator | null = null;

  constructor(
    private readonly repository: CaptureRepository,
    private readonly producer: QueueProducer,
  ) {}

  errorBehaviour(header: string | undefined): CaptureErrorBehaviour {
    const value = (header ?? 'rollback').trim().toLowerCase();
    if (value !== 'rollback' && value !== 'proceed') {
      throw new InvalidFieldException('EPCIS_CAPTURE_ERROR_BEHAVIOUR_INVALID', 'GS1-Capture-Error-Behaviour', `must be rollback or proceed, not ${JSON.stringify(header)}`, 'bad_request');
    }
    return value;
  }

  /** Checks the document and queues its capture. `bytes`: the size of the body as sent. */
  async submit(caller: Caller, document: unknown, bytes: number, behaviourHeader: string | undefined): Promise<CaptureView> {
    if (bytes > EPCIS_CAPTURE_FILE_SIZE_LIMIT) {
      throw new DomainException('EPCIS_CAPTURE_TOO_LARGE', `body: ${bytes} bytes; at most ${EPCIS_CAPTURE_FILE_SIZE_LIMIT} are captured at once (see GS1-EPCIS-Capture-File-Size-Limit)`, 'too_large', {
        field: 'body',
        bytes,
        limit: EPCIS_CAPTURE_FILE_SIZE_LIMIT,
      });
    }
    const errorBehaviour = this.errorBehaviour(behaviourHeader);
    const body = document as { type?: unknown; epcisBody?: { eventList?: unknown[] } } | null;
    if (!body || typeof body !== 'object' || body.type !== 'EPCISDocument') {
      throw new InvalidFieldException('EPCIS_DOCUMENT_INVALID', 'type', 'the body must be an EPCISDocument (JSON-LD)', 'bad_request');
    }
    const events = Array.isArray(body.epcisBody?.eventList) ? body.epcisBody.eventList : [];
    if (events.length > EPCIS_CAPTURE_EVENT_LIMIT) {
      throw new DomainException('EPCIS_CAPTURE_TOO_MANY_EVENTS', `epcisBody.eventList: ${events.length} events; at most ${EPCIS_CAPTURE_EVENT_LIMIT} per document (see GS1-EPCIS-Capture-Limit)`, 'too_large', {
        field: 'epcisBody.eventList',
        events: events.length,
        limit: EPCIS_CAPTURE_EVENT_LIMIT,
      });
    }
    this.validator ??= createEpcisValidator();
    const { valid, errors } = this.validator(document);
    if (!valid) {
      throw new DomainException('EPCIS_DOCUMENT_INVALID', `body: not a valid EPCIS 2.0 document (GS1 EPCIS JSON Schema): ${errors.slice(0, 5).join('; ')}`, 'bad_request', {
        field: 'body',
        schemaErrors: errors.slice(0, 50),
      });
    }
    const row = await this.repository.insert({
      organizationId: caller.organizationId,
      createdBy: caller.userId,
      apiKeyId: caller.apiKeyId,
      role: caller.role,
      errorBehaviour,
      document,
      eventCount: events.length,
    });
    await this.enqueue(row);
    return view(row);
  }

  async get(caller: Pick<Caller, 'organizationId'>, id: string): Promise<CaptureView> {
    const row = await this.repository.find(caller.organizationId, id);
    if (!row) throw notFound('EPCIS capture', id);
    return view(row);
  }

  async list(caller: Pick<Caller, 'organizationId'>, limit = 30): Promise<CaptureView[]> {
    return (await this.repository.list(caller.organizationId, Math.min(Math.max(limit, 1), MAX_LIST))).map(view);
  }

  /** Queues the capture; if the queue does not answer, the worker's sweep queues it from the row. */
  async enqueue(row: Pick<CaptureRow, 'id' | 'organizationId'>): Promise<void> {
    const enqueued = this.producer.add(JobName.CaptureEpcis, row.id, { organizationId: row.organizationId, captureId: row.id });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([enqueued, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer from the queue')), ENQUEUE_TIMEOUT_MS)))]);
    } catch (error) {
      enqueued.catch(() => undefined);
      this.logger.warn(`Capture ${row.id} stays queued for the re-enqueue sweep: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Captures whose job was lost are queued again (run by the worker's sweep). */
  async requeueUnfinished(): Promise<number> {
    const rows = await this.repository.unfinished();
    for (const row of rows) await this.enqueue(row);
    return rows.length;
  }
}

export function view(row: CaptureRow): CaptureView {
  const finished = row.status === 'done' || row.status === 'failed';
  return {
    id: row.id,
    captureID: row.id,
    running: !finished,
    success: finished ? row.status === 'done' && (row.errorBehaviour === 'proceed' || row.errors.every((e) => e.code === 'EPCIS_EVENT_DUPLICATE')) : null,
    status: row.status,
    captureErrorBehaviour: row.errorBehaviour,
    eventCount: row.eventCount,
    processedCount: row.processedCount,
    capturedCount: row.capturedCount,
    duplicateCount: row.duplicateCount,
    refusedCount: row.refusedCount,
    progress: row.eventCount ? Math.floor((row.processedCount * 100) / row.eventCount) : 100,
    errors: row.errors,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
