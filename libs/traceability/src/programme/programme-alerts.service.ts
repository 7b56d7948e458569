import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import { MAILER, type Mailer } from '../accounts/mailer.js';
import { InvalidFieldException, notFound } from '../common/domain.exception.js';
import { todayInVietnam } from '../registry/common/fields.js';
import { ProgrammeAlertsRepository, CRITICAL_WITHIN_DAYS, type AlertRow, type StoredAlert } from './programme-alerts.repository.js';
import { ProgrammeRepository } from './programme.repository.js';
import { ProgrammeService } from './programme.service.js';
import { nextDay, vietnamMidnight, type ProgrammeScope } from './programme-scope.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KIND_TEXT: Record<StoredAlert['kind'], string> = {
  certificate_expiring: 'Giấy chứng nhận OCOP sắp hết hạn',
  certificate_expired: 'Giấy chứng nhận OCOP đã hết hạn',
  area_withdrawn_with_stock: 'Vùng trồng bị đình chỉ/thu hồi mã nhưng lô hàng còn bán',
  copied_label: 'Tem có dấu hiệu bị sao chép',
  recall_not_acknowledged: 'Thu hồi chưa được bên nhận xác nhận',
};

/**
 * The programme office's daily alerts (README, "Programme office", Alerts): computed once a day by the worker for
 * every confirmed office over the cooperatives it oversees, stored per day, shown in the console and
 * mailed to the office's owners and admins when SMTP is configured.
 */
@Injectable()
export class ProgrammeAlertsService {
  private readonly logger = new Logger(ProgrammeAlertsService.name);

  constructor(
    private readonly repository: ProgrammeAlertsRepository,
    private readonly programme: ProgrammeService,
    private readonly dashboard: ProgrammeRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  /** Computes and stores the alerts of a local day (today by default) for every office; then mails them. */
  async compute(day: string = todayInVietnam()): Promise<{ day: string; offices: number; alerts: number; added: number; mailed: number }> {
    const end = vietnamMidnight(nextDay(day));
    const offices = await this.repository.offices();
    const alerts: AlertRow[] = [];
    for (const office of offices) {
      if (!office.organizationIds.length) continue;
      alerts.push(...(await this.officeAlerts(office.id, office.organizationIds, day, end)));
    }
    const added = await this.repository.store(day, offices.length, alerts);
    const mailed = await this.mail(day);
    return { day, offices: offices.length, alerts: alerts.length, added, mailed };
  }

  /** The office's alerts of a day (the latest computed day on or before it; today by default). */
  async list(caller: Caller, query: { day?: string }) {
    const scope = await this.programme.scope(caller, {});
    const asked = query.day ?? todayInVietnam();
    if (!DAY.test(asked) || Number.isNaN(Date.parse(`${asked}T00:00:00Z`))) throw new InvalidFieldException('VALIDATION_FAILED', 'day', 'a local date YYYY-MM-DD', 'bad_request');
    const run = await this.repository.run(asked);
    if (!run) return { day: null, computedAt: null, items: [] };
    return { day: run.day, computedAt: run.computedAt, items: await this.repository.list(scope.office.id, run.day) };
  }

  /** A receiving organization acknowledges a recall that reached its lots (idempotent). */
  async acknowledge(caller: Caller, recallId: string, note?: string | null) {
    if (!UUID.test(recallId)) throw new InvalidFieldException('INVALID_ID', 'recallId', 'a UUID', 'bad_request');
    const text = note?.normalize('NFC').trim() || null;
    const row = await this.repository.acknowledge(caller.organizationId, recallId.toLowerCase(), caller.userId, text);
    if (!row) throw notFound('Recall', recallId);
    return row;
  }

  private async officeAlerts(officeId: string, organizationIds: string[], day: string, end: Date): Promise<AlertRow[]> {
    const scope = { organizationIds } as ProgrammeScope;
    const [certificates, withdrawn, copied, recalls] = await Promise.all([
      this.repository.certificates(organizationIds, day),
      this.dashboard.suspendedWithStock(scope),
      this.repository.copiedLabels(organizationIds, end),
      this.repository.unacknowledgedRecalls(organizationIds, end),
    ]);
    const row = (kind: AlertRow['kind'], severity: AlertRow['severity'], organizationId: string, subjectKey: string, details: Record<string, unknown>): AlertRow => ({
      officeId,
      day,
      kind,
      severity,
      organizationId,
      subjectKey,
      details,
    });
    return [
      ...certificates.map((c) =>
        c.daysLeft < 0
          ? row('certificate_expired', 'critical', c.organizationId, c.productId, { ...c, daysLeft: Number(c.daysLeft) })
          : row('certificate_expiring', c.daysLeft <= CRITICAL_WITHIN_DAYS ? 'critical' : 'warning', c.organizationId, c.productId, { ...c, daysLeft: Number(c.daysLeft) }),
      ),
      ...withdrawn.map((a) => row('area_withdrawn_with_stock', 'critical', a.organizationId, a.growingAreaId, a)),
      ...copied.map((s) => row('copied_label', 'warning', s.organizationId, `${s.lotId}:${s.serial}`, s)),
      ...recalls.map((r) => row('recall_not_acknowledged', 'critical', r.organizationId, `${r.recallId}:${r.receiverId}`, r)),
    ];
  }

  /** One mail per office with alerts of the day not yet mailed; without SMTP nothing is marked, so a later run can send them. */
  private async mail(day: string): Promise<number> {
    if (!this.mailer.configured) return 0;
    let sent = 0;
    for (const office of await this.repository.unmailed(day)) {
      const alerts = await this.repository.list(office.officeId, day);
      const lines = alerts.filter((a) => !a.emailedAt).map((a) => `- [${a.severity === 'critical' ? 'KHẨN' : 'Lưu ý'}] ${KIND_TEXT[a.kind]} — ${a.organizationName}${describe(a)}`);
      try {
        for (const to of office.recipients)
          await this.mailer.send({ to, subject: `Nguồn — ${lines.length} cảnh báo ngày ${day.split('-').reverse().join('/')}`, text: `${office.officeName}\n\n${lines.join('\n')}\n` });
        await this.repository.markEmailed(office.officeId, day);
        sent += 1;
      } catch (error) {
        this.logger.warn(`Could not mail the alerts of ${day} to office ${office.officeId}: ${(error as Error).message}`);
      }
    }
    return sent;
  }
}

function describe(alert: StoredAlert): string {
  const d = alert.details as Record<string, string | number | null>;
  switch (alert.kind) {
    case 'certificate_expiring':
    case 'certificate_expired':
      return `: ${d.productName} (${d.stars} sao, hết hạn ${String(d.expiresAt).split('-').reverse().join('/')})`;
    case 'area_withdrawn_with_stock':
      return `: vùng ${d.code} (${d.lotsOnSale} lô còn bán)`;
    case 'copied_label':
      return `: lô ${d.lotCode}, tem số ${d.serial}`;
    case 'recall_not_acknowledged':
      return `: lô ${d.rootLotCode}, bên nhận ${d.receiverName}`;
  }
}

