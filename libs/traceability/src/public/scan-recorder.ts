import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toLocalDate } from '../common/dates.js';
import type { ClientClass } from './client-class.js';
import { isDatabaseUnavailable } from './outage.js';
import { clientHash, ScanSalts } from './scan-salts.js';

export type ScanRepresentation = 'html' | 'jsonld' | 'linkset' | 'redirect';

export interface ScanRecord {
  organizationId: string;
  lotId: string;
  serial: string | null;
  scannedAt: Date;
  /** The client's address and User-Agent (clientOf): held in memory until written, stored only as a salted hash. */
  client: string;
  clientClass: ClientClass;
  representation: ScanRepresentation;
}

/** Written at least this often… */
const FLUSH_INTERVAL_MS = 1000;
/** …or as soon as this many are waiting. */
const BATCH_SIZE = 500;
/**
 * Scans held while they cannot be written (the database is down): about 300 bytes each, so at most
 * ≈ 15 MB per process. Past this, new scans are dropped and counted in the log; the pages never wait.
 */
const MAX_BUFFERED = 50_000;
/** While the database cannot be reached, writes are retried after this long, doubling up to the maximum. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * Records scans off the request path: the resolver pushes to an in-memory buffer and answers; the
 * buffer is written in one multi-row INSERT per second (or per 500 scans). Counting must never slow
 * a page or fail it. While PostgreSQL cannot be reached the scans stay buffered (bounded, see
 * MAX_BUFFERED) and are written when it is back; a scan lost in a crash is an acceptable price.
 */
@Injectable()
export class ScanRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ScanRecorder');
  private readonly salts: ScanSalts;
  private buffer: ScanRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;
  /** Set while the database cannot be reached: writes wait for the retry timer. */
  private retryMs = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.salts = new ScanSalts(dataSource);
  }

  /** Scans waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  record(scan: ScanRecord): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(scan);
    if (this.retryMs) return; // the retry timer writes them
    if (this.buffer.length >= BATCH_SIZE) void this.flush();
    else this.schedule(FLUSH_INTERVAL_MS);
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), ms);
    this.timer.unref();
  }

  /** Writes everything buffered so far (and waits for a write already running). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing = this.flushing.then(() => {
      const batch = this.buffer.splice(0, this.buffer.length);
      return batch.length ? this.write(batch) : undefined;
    });
    return this.flushing;
  }

  private async write(batch: ScanRecord[]): Promise<void> {
    try {
      const days = batch.map((s) => toLocalDate(s.scannedAt));
      const salts = await this.salts.forDays(days);
      await this.dataSource.query(
        `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation, client_hash)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::date[], $6::text[], $7::text[], $8::text[])`,
        [
          batch.map((s) => s.organizationId),
          batch.map((s) => s.lotId),
          batch.map((s) => s.serial),
          batch.map((s) => s.scannedAt.toISOString()),
          days,
          batch.map((s) => s.clientClass),
          batch.map((s) => s.representation),
          batch.map((s, i) => clientHash(salts.get(days[i])!, s.client)),
        ],
      );
      if (this.retryMs) {
        this.logger.log(`the database is back: wrote ${batch.length} buffered scans`);
        this.retryMs = 0;
        if (this.buffer.length) this.schedule(FLUSH_INTERVAL_MS); // what came in meanwhile
      }
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.keep(batch);
        this.retryMs = Math.min(Math.max(this.retryMs * 2, RETRY_FIRST_MS), RETRY_MAX_MS);
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.schedule(this.retryMs);
      } else {
        this.logger.warn(`could not record ${batch.length} scans: ${(error as Error).message}`);
      }
    }
    if (this.dropped) {
      this.logger.warn(`dropped ${this.dropped} scans while the buffer was full`);
      this.dropped = 0;
    }
  }

  /** Puts a batch that could not be written back in front of the buffer, within its bound. */
  private keep(batch: ScanRecord[]): void {
    const kept = [...batch, ...this.buffer];
    this.dropped += Math.max(0, kept.length - MAX_BUFFERED);
    this.buffer = kept.slice(0, MAX_BUFFERED);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
