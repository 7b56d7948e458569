import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { canonicalJson } from '../common/hash-chain.js';
import { LABEL_STORAGE, type LabelStorage } from '../labels/label-storage.js';
import { todayInVietnam } from '../registry/common/fields.js';
import { OCOP_GROUPS } from '../registry/products/product.entity.js';
import type { ProgrammeReportContent, ReportActivity } from './programme-report.content.js';
import { reportPdf } from './programme-report.pdf.js';
import { reportWorkbook } from './programme-report.xlsx.js';
import { ProgrammeReportsRepository, type ProgrammeReportRow } from './programme-reports.repository.js';
import { ProgrammeRepository, type CoverageRow } from './programme.repository.js';
import { ProgrammeService } from './programme.service.js';
import { periodMonths, ProgrammeRollupsRepository } from './programme-rollups.repository.js';
import { ProgrammeRollupsService } from './programme-rollups.service.js';
import type { ProgrammeOffice, ProgrammeScope } from './programme-scope.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A report queued or rendering this long without finishing is enqueued again (its queue job may be lost). */
export const REPORT_STALE_AFTER_MS = 5 * 60_000;

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export type ReportFormat = 'xlsx' | 'pdf';
const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The last day of a month 'YYYY-MM'. */
function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

function activity(coverage: CoverageRow[], month: { lots: number; harvestedKg: string; processedKg: string; labelsPrinted: number; scans: number } | undefined): ReportActivity {
  const covered = coverage.filter((row) => row.shortfall === null).length;
  return {
    certifiedProducts: coverage.length,
    coveredProducts: covered,
    coverage: coverage.length ? Number((covered / coverage.length).toFixed(4)) : null,
    lots: month?.lots ?? 0,
    harvestedKg: month?.harvestedKg ?? '0',
    processedKg: month?.processedKg ?? '0',
    labelsPrinted: month?.labelsPrinted ?? 0,
    scans: month?.scans ?? 0,
  };
}

/**
 * The programme office's monthly province report (README, "Programme office", Reports): requested in
 * the API, rendered by the worker as XLSX and PDF with progress, stored beside the label files, and
 * reproducible — the same month over the same records gives the same figures (`contentSha256`).
 */
@Injectable()
export class ProgrammeReportsService {
  private readonly logger = new Logger(ProgrammeReportsService.name);

  constructor(
    private readonly reports: ProgrammeReportsRepository,
    private readonly programme: ProgrammeService,
    private readonly figures: ProgrammeRepository,
    private readonly rollups: ProgrammeRollupsRepository,
    private readonly rollupRefresh: ProgrammeRollupsService,
    private readonly producer: QueueProducer,
    @Inject(LABEL_STORAGE) private readonly storage: LabelStorage,
  ) {}

  async request(caller: Caller, input: { month?: unknown }) {
    const office = await this.office(caller);
    const month = typeof input.month === 'string' ? input.month : '';
    if (!MONTH.test(month)) throw new InvalidFieldException('VALIDATION_FAILED', 'month', 'a month YYYY-MM', 'bad_request');
    if (month > todayInVietnam().slice(0, 7)) throw new InvalidFieldException('REPORT_MONTH_IN_FUTURE', 'month', `${month} has not started yet`);
    const row = await this.reports.create(office.id, month, caller.userId);
    await this.enqueue(row);
    return this.view(row);
  }

  async get(caller: Caller, id: string) {
    return this.view(await this.row(caller, id));
  }

  async list(caller: Caller) {
    const office = await this.office(caller);
    return { items: (await this.reports.list(office.id, 50)).map((row) => this.view(row)) };
  }

  async file(caller: Caller, id: string, format: ReportFormat) {
    const row = await this.row(caller, id);
    if (row.status !== 'done') throw new DomainException('REPORT_NOT_READY', `report ${id} is ${row.status}; download it when it is done`, 'conflict', { status: row.status });
    const file = await this.storage.openRead(`${row.fileKey}.${format}`);
    if (!file) throw new DomainException('REPORT_FILE_MISSING', `report ${id}: the ${format.toUpperCase()} file is missing from storage; request the report again`, 'conflict');
    return {
      stream: file.stream,
      size: file.size,
      sha256: format === 'xlsx' ? row.xlsxSha256! : row.pdfSha256!,
      contentType: CONTENT_TYPES[format],
      filename: `bao-cao-ocop-${row.month}.${format}`,
    };
  }

  /** The worker's part: computes the figures, writes both files, marks the report done. */
  async render(officeId: string, reportId: string, onProgress?: (percent: number) => Promise<void>): Promise<{ reportId: string; status: string; contentSha256?: string }> {
    const row = await this.reports.start(officeId, reportId);
    if (!row) return { reportId, status: 'skipped' };
    const step = async (percent: number) => {
      await this.reports.progress(reportId, percent);
      await onProgress?.(percent);
    };
    const office = await this.figures.office(officeId);
    if (!office) {
      await this.reports.fail(reportId, 'PROGRAMME_OFFICE_ONLY');
      throw new DomainException('PROGRAMME_OFFICE_ONLY', `office ${officeId} is no longer a confirmed programme office`, 'forbidden');
    }
    // The month's rollups rebuilt from the records first: the report counts every record of the month.
    await this.rollupRefresh.rebuild([row.month]);
    const content = await this.content(office, row.month, step);
    const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const xlsx = await reportWorkbook(content);
    await step(85);
    const pdf = await reportPdf(content);
    await step(95);
    const fileKey = `reports/${officeId}/${reportId}`;
    const [xlsxStored, pdfStored] = [await this.store(`${fileKey}.xlsx`, xlsx), await this.store(`${fileKey}.pdf`, pdf)];
    await this.reports.finish(reportId, { fileKey, xlsxSha256: xlsxStored.sha256, pdfSha256: pdfStored.sha256, xlsxSize: xlsxStored.size, pdfSize: pdfStored.size, contentSha256 });
    await onProgress?.(100);
    return { reportId, status: 'done', contentSha256 };
  }

  async fail(reportId: string, code: string): Promise<void> {
    await this.reports.fail(reportId, code);
  }

  /** Reports whose queue job was lost (Redis restarted, a worker killed) are enqueued again. */
  async requeueUnfinished(): Promise<number> {
    let requeued = 0;
    for (const row of await this.reports.unfinished(REPORT_STALE_AFTER_MS)) {
      const existing = await this.producer.getJob(JobName.RenderProgrammeReport, row.id);
      const state = existing ? await existing.getState() : 'missing';
      if (LIVE_STATES.has(state)) continue;
      if (existing) await existing.remove().catch(() => undefined);
      await this.producer.add(JobName.RenderProgrammeReport, row.id, { officeId: row.officeId, reportId: row.id });
      requeued++;
    }
    if (requeued) this.logger.warn(`Re-enqueued ${requeued} programme report(s) from the database`);
    return requeued;
  }

  /** Every figure of the report, as of the month's last day (today for the month in progress). */
  async content(office: ProgrammeOffice, month: string, step: (percent: number) => Promise<void> = async () => undefined): Promise<ProgrammeReportContent> {
    const today = todayInVietnam();
    const from = `${month}-01`;
    const to = lastDay(month) < today ? lastDay(month) : today;
    const scope = await this.programme.scopeOf(office, { from, to, communeCode: null, ocopGroup: null, organizationId: null });
    const whole = await this.programme.figures(scope);
    const period = periodMonths(from, to, today);
    const [coverage, expiring] = await Promise.all([this.rollups.coverage(scope, period), this.figures.certificates(scope, 'expiring90')]);
    await step(30);

    const overseen = await this.figures.overseen(office.id);
    const byCommune = new Map<string, { communeCode: string | null; commune: string; ids: string[] }>();
    for (const coop of overseen) {
      const key = coop.communeCode ?? `?${coop.commune ?? ''}`;
      const entry = byCommune.get(key) ?? { communeCode: coop.communeCode, commune: coop.commune ?? 'Chưa rõ xã, phường', ids: [] };
      entry.ids.push(coop.id);
      byCommune.set(key, entry);
    }
    const communes = [];
    for (const entry of [...byCommune.values()].sort((a, b) => a.commune.localeCompare(b.commune, 'vi') || String(a.communeCode).localeCompare(String(b.communeCode)))) {
      const sub: ProgrammeScope = { ...scope, organizationIds: entry.ids };
      const [coops, rows, months] = await Promise.all([this.figures.cooperatives(sub), this.rollups.coverage(sub, period), this.rollups.monthly(sub, period)]);
      communes.push({ communeCode: entry.communeCode, commune: entry.commune, cooperatives: coops.linked, activeCooperatives: coops.active, ...activity(rows, months[0]) });
    }
    await step(55);

    const groups = [];
    for (const { group, vi } of OCOP_GROUPS) {
      const sub: ProgrammeScope = { ...scope, filters: { ...scope.filters, ocopGroup: group } };
      const [ocop, rows, months] = await Promise.all([this.figures.ocop(sub), this.rollups.coverage(sub, period), this.rollups.monthly(sub, period)]);
      groups.push({ group, name: vi, ocopValid: ocop.valid, stars3: ocop.stars3, stars4: ocop.stars4, stars5: ocop.stars5, ...activity(rows, months[0]) });
    }
    await step(75);

    const status = (name: string) => whole.growingAreas.byStatus.find((row: { status: string }) => row.status === name)?.areas ?? 0;
    return {
      office: { name: office.name, province: office.province, provinceCode: office.provinceCode },
      month,
      period: { from, to },
      summary: {
        ...activity(coverage, whole.monthly[0]),
        cooperatives: whole.cooperatives,
        ocop: whole.ocop,
        growingAreas: {
          areas: whole.growingAreas.byStatus.reduce((sum: number, row: { areas: number }) => sum + row.areas, 0),
          active: status('active'),
          suspended: status('suspended'),
          revoked: status('revoked'),
          totalAreaHa: whole.growingAreas.totalAreaHa,
        },
        openRecalls: whole.recalls.open,
        yieldOverrides: whole.signals.yieldOverrides,
        copiedLabels: whole.signals.copiedLabels,
      },
      communes,
      groups,
      certificatesExpiring: expiring.map((c: { productName: string; organizationName: string; stars: number; number: string | null; expiresAt: string }) => ({
        productName: c.productName,
        organizationName: c.organizationName,
        stars: c.stars,
        number: c.number,
        expiresAt: c.expiresAt,
      })),
      shortfalls: coverage
        .filter((row) => row.shortfall !== null)
        .map((row) => ({ productName: row.productName, organizationName: row.organizationName, stars: row.stars, lots: row.lots, tracedLots: row.tracedLots, shortfall: row.shortfall })),
      recalls: whole.recalls.items
        .filter((r: { recalledAt: Date }) => new Date(r.recalledAt) >= scope.start)
        .map((r: { rootLotCode: string; organizationName: string; recalledAt: Date; reason: string | null; lots: number; organizations: number; labelsPrinted: number }) => ({
          rootLotCode: r.rootLotCode,
          organizationName: r.organizationName,
          recalledAt: new Date(new Date(r.recalledAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
          reason: r.reason,
          lots: r.lots,
          organizations: r.organizations,
          labelsPrinted: r.labelsPrinted,
        })),
      withdrawnAreas: whole.growingAreas.suspendedOrRevokedWithStockOnSale.map((a) => ({ code: a.code, name: a.name, status: a.status, lotsOnSale: a.lotsOnSale })),
    };
  }

  private async office(caller: Caller): Promise<ProgrammeOffice> {
    return (await this.programme.scope(caller, {})).office;
  }

  private async row(caller: Caller, id: string): Promise<ProgrammeReportRow> {
    if (!UUID.test(id)) throw new InvalidFieldException('INVALID_ID', 'id', 'a UUID', 'bad_request');
    const office = await this.office(caller);
    const row = await this.reports.get(office.id, id);
    if (!row) throw notFound('Report', id);
    return row;
  }

  private async enqueue(row: ProgrammeReportRow): Promise<void> {
    try {
      await this.producer.add(JobName.RenderProgrammeReport, row.id, { officeId: row.officeId, reportId: row.id });
    } catch (error) {
      // The row is the record: the re-enqueue sweep brings it to a worker when the queue is back.
      this.logger.warn(`Report ${row.id} saved but not enqueued (${(error as Error).message}); the sweep will enqueue it`);
    }
  }

  private async store(key: string, bytes: Buffer) {
    const output = this.storage.createWriteStream(key);
    output.end(bytes);
    await finished(output);
    return output.stored!;
  }

  private view(row: ProgrammeReportRow) {
    const done = row.status === 'done';
    const base = `/api/v1/programme/reports/${row.id}`;
    return {
      id: row.id,
      month: row.month,
      status: row.status,
      progress: row.progress,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      contentSha256: row.contentSha256,
      errorCode: row.errorCode,
      files: done
        ? { xlsx: { href: `${base}/report.xlsx`, size: row.xlsxSize, sha256: row.xlsxSha256 }, pdf: { href: `${base}/report.pdf`, size: row.pdfSize, sha256: row.pdfSha256 } }
        : null,
    };
  }
}
