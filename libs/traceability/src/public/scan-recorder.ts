import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toLocalDate } from '../common/dates.js';
import type { ClientClass } from './client-class.js';

export type ScanRepresentation = 'html' | 'jsonld' | 'linkset' | 'redirect';

export interface ScanRecord {
  organizationId: string;
  lotId: string;
  serial: string | null;
  scannedAt: Date;
  clientClass: ClientClass;
  representation: ScanRepresentation;
}

/** Written at least this often… */
const FLUSH_INTERVAL_MS = 1000;
/** …or as soon as this many are waiting. */
const BATCH_SIZE = 500;
/** Past this many unwritten scans (the database is down), new ones are dropped, not queued. */
const MAX_BUFFERED = 50_000;

/**
 * Records scans off the request path: the resolver pushes to an in-memory buffer and answers; the
 * buffer is written in one multi-row INSERT per second (or per 500 scans). Counting must never slow
 * a page or fail it; a scan lost in a crash is an acceptable price for that.
 */
@Injectable()
export class ScanRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ScanRecorder');
  private buffer: ScanRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(scan: ScanRecord): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    this.buffer.push(scan);
    if (this.buffer.length >= BATCH_SIZE) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far (and waits for a write already running). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.flushing;
  }

  private async write(batch: ScanRecord[]): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::date[], $6::text[], $7::text[])`,
        [
          batch.map((s) => s.organizationId),
          batch.map((s) => s.lotId),
          batch.map((s) => s.serial),
          batch.map((s) => s.scannedAt.toISOString()),
          batch.map((s) => toLocalDate(s.scannedAt)),
          batch.map((s) => s.clientClass),
          batch.map((s) => s.representation),
        ],
      );
    } catch (error) {
      this.logger.warn(`could not record ${batch.length} scans: ${(error as Error).message}`);
    }
    if (this.dropped) {
      this.logger.warn(`dropped ${this.dropped} scans while the buffer was full`);
      this.dropped = 0;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
