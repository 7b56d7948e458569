import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SUSPICIOUS_SERIAL_DISTINCT_DAYS, SUSPICIOUS_SERIAL_SCANS } from '../public/scan-stats.repository.js';
import { PRODUCT_CERTIFICATES } from './programme.repository.js';

export const ALERT_KINDS = ['certificate_expiring', 'certificate_expired', 'area_withdrawn_with_stock', 'copied_label', 'recall_not_acknowledged'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A certificate is "expiring" from this many days before it runs out, and stays "expired" on the list this long after. */
export const EXPIRING_WITHIN_DAYS = 90;
export const CRITICAL_WITHIN_DAYS = 30;
export const EXPIRED_SHOWN_DAYS = 90;

export interface AlertRow {
  officeId: string;
  day: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  organizationId: string;
  subjectKey: string;
  details: Record<string, unknown>;
}

export interface StoredAlert {
  id: string;
  day: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  organizationId: string;
  organizationName: string;
  details: Record<string, unknown>;
  createdAt: Date;
  emailedAt: Date | null;
}

/**
 * The daily alerts of each programme office, computed over the cooperatives it oversees as of one
 * local day, and kept (one row per office, day, kind and subject: a second run adds nothing).
 */
@Injectable()
export class ProgrammeAlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every confirmed office with the cooperatives of its province that accepted its oversight. */
  offices(): Promise<{ id: string; name: string; organizationIds: string[] }[]> {
    return this.dataSource.query(
      `SELECT office.id, office.name, coalesce(array_agg(o.id ORDER BY o.id) FILTER (WHERE o.id IS NOT NULL), '{}') AS "organizationIds"
       FROM organization office
       LEFT JOIN organization_link l ON l.from_organization_id = office.id AND l.kind = 'oversight' AND l.status = 'active'
       LEFT JOIN organization o ON o.id = l.to_organization_id AND o.province = office.province
       WHERE office.kind = 'programme_office' AND office.office_confirmed_at IS NOT NULL
       GROUP BY office.id, office.name ORDER BY office.id`,
    );
  }

  /** OCOP certificates of products running out within 90 days of `day`, or run out in the 90 days before it. */
  certificates(organizationIds: string[], day: string): Promise<{ productId: string; organizationId: string; productName: string; stars: number; number: string | null; expiresAt: string; daysLeft: number }[]> {
    return this.dataSource.query(
      `WITH cert AS (${PRODUCT_CERTIFICATES})
       SELECT product_id AS "productId", organization_id AS "organizationId", name_vi AS "productName", level AS stars, number,
         expires_at::text AS "expiresAt", (expires_at - $2::date) AS "daysLeft"
       FROM cert WHERE expires_at IS NOT NULL AND expires_at >= $2::date - ${EXPIRED_SHOWN_DAYS} AND expires_at <= $2::date + ${EXPIRING_WITHIN_DAYS}
       ORDER BY expires_at, product_id`,
      [organizationIds, day, null],
    );
  }

  /** Label serials scanned on too many days or by too many clients up to the end of `end`: the signs of a copied label. */
  copiedLabels(organizationIds: string[], end: Date): Promise<{ organizationId: string; lotId: string; lotCode: string; serial: number; days: number; clients: number }[]> {
    return this.dataSource.query(
      `SELECT s.organization_id AS "organizationId", s.lot_id AS "lotId", l.code AS "lotCode", s.serial,
         count(DISTINCT s.scanned_on)::int AS days, count(DISTINCT (s.scanned_on, coalesce(s.client_hash, s.id::text)))::int AS clients
       FROM scan s JOIN lot l ON l.id = s.lot_id
       WHERE s.organization_id = ANY($1::uuid[]) AND s.serial IS NOT NULL AND s.client_class <> 'bot' AND s.scanned_at < $2
       GROUP BY s.organization_id, s.lot_id, l.code, s.serial
       HAVING count(DISTINCT s.scanned_on) > ${SUSPICIOUS_SERIAL_DISTINCT_DAYS}
           OR count(DISTINCT (s.scanned_on, coalesce(s.client_hash, s.id::text))) > ${SUSPICIOUS_SERIAL_SCANS}
       ORDER BY l.code, s.serial`,
      [organizationIds, end],
    );
  }

  /**
   * Recalls started by the overseen cooperatives before `end` that reached lots of another
   * organization which has not acknowledged them (recall_acknowledgement).
   */
  unacknowledgedRecalls(organizationIds: string[], end: Date): Promise<{ organizationId: string; recallId: string; rootLotCode: string; recalledAt: Date; receiverId: string; receiverName: string; lots: number }[]> {
    return this.dataSource.query(
      `SELECT root.organization_id AS "organizationId", root.details->>'recallId' AS "recallId", root.details->>'rootLotCode' AS "rootLotCode",
         root.event_time AS "recalledAt", r.organization_id AS "receiverId", o.name AS "receiverName",
         (SELECT count(*)::int FROM event_line el WHERE el.event_id = r.id) AS lots
       FROM event root
       JOIN event r ON r.type = 'recall' AND r.details->>'recallId' = root.details->>'recallId' AND r.organization_id <> root.organization_id
       JOIN organization o ON o.id = r.organization_id
       WHERE root.organization_id = ANY($1::uuid[]) AND root.type = 'recall' AND root.details->>'rootLotId' IS NOT NULL AND root.event_time < $2
         AND NOT EXISTS (SELECT 1 FROM recall_acknowledgement a WHERE a.organization_id = r.organization_id AND a.recall_id = root.details->>'recallId' AND a.acknowledged_at < $2)
       ORDER BY root.event_time, o.name`,
      [organizationIds, end],
    );
  }

  /** Stores the day's alerts (those already stored stay as they are) and the run; answers how many were new. */
  async store(day: string, offices: number, alerts: AlertRow[]): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = alerts.length
        ? await tx.query(
            `INSERT INTO programme_alert (office_id, day, kind, severity, organization_id, subject_key, details)
             SELECT a."officeId", a.day, a.kind, a.severity, a."organizationId", a."subjectKey", a.details
             FROM jsonb_to_recordset($1::jsonb) AS a("officeId" uuid, day date, kind text, severity text, "organizationId" uuid, "subjectKey" text, details jsonb)
             ON CONFLICT (office_id, day, kind, subject_key) DO NOTHING RETURNING id`,
            [JSON.stringify(alerts)],
          )
        : [];
      await tx.query(
        `INSERT INTO programme_alert_run (day, offices, alerts) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO UPDATE SET computed_at = now(), offices = EXCLUDED.offices, alerts = EXCLUDED.alerts`,
        [day, offices, alerts.length],
      );
      return inserted.length;
    });
  }

  /** The last computed day on or before `day`, with when it was computed. */
  async run(day: string): Promise<{ day: string; computedAt: Date } | null> {
    const [row] = await this.dataSource.query(`SELECT day::text AS day, computed_at AS "computedAt" FROM programme_alert_run WHERE day <= $1 ORDER BY day DESC LIMIT 1`, [day]);
    return row ?? null;
  }

  list(officeId: string, day: string): Promise<StoredAlert[]> {
    return this.dataSource.query(
      `SELECT a.id, a.day::text AS day, a.kind, a.severity, a.organization_id AS "organizationId", o.name AS "organizationName", a.details,
         a.created_at AS "createdAt", a.emailed_at AS "emailedAt"
       FROM programme_alert a JOIN organization o ON o.id = a.organization_id
       WHERE a.office_id = $1 AND a.day = $2
       ORDER BY (a.severity = 'critical') DESC, a.kind, o.name, a.subject_key`,
      [officeId, day],
    );
  }

  /** Offices with alerts of `day` not yet mailed, with the addresses of their owners and admins. */
  unmailed(day: string): Promise<{ officeId: string; officeName: string; recipients: string[] }[]> {
    return this.dataSource.query(
      `SELECT office.id AS "officeId", office.name AS "officeName", array_agg(DISTINCT u.email ORDER BY u.email) AS recipients
       FROM programme_alert a JOIN organization office ON office.id = a.office_id
       JOIN app_user u ON u.organization_id = office.id AND u.role IN ('owner', 'admin')
       WHERE a.day = $1 AND a.emailed_at IS NULL
       GROUP BY office.id, office.name ORDER BY office.id`,
      [day],
    );
  }

  async markEmailed(officeId: string, day: string): Promise<void> {
    await this.dataSource.query(`UPDATE programme_alert SET emailed_at = now() WHERE office_id = $1 AND day = $2 AND emailed_at IS NULL`, [officeId, day]);
  }

  /** Acknowledges, as `organizationId`, a recall that reached its lots; false when no recall of that id reached them. */
  async acknowledge(organizationId: string, recallId: string, userId: string | null, note: string | null): Promise<{ recallId: string; acknowledgedAt: Date; note: string | null } | null> {
    const [row] = await this.dataSource.query(
      `WITH reached AS (SELECT 1 FROM event WHERE organization_id = $1 AND type = 'recall' AND details->>'recallId' = $2 LIMIT 1),
       added AS (
         INSERT INTO recall_acknowledgement (organization_id, recall_id, acknowledged_by, note) SELECT $1, $2, $3, $4 FROM reached
         ON CONFLICT (organization_id, recall_id) DO NOTHING RETURNING recall_id, acknowledged_at, note)
       SELECT recall_id AS "recallId", acknowledged_at AS "acknowledgedAt", note FROM added
       UNION ALL
       SELECT recall_id, acknowledged_at, note FROM recall_acknowledgement WHERE organization_id = $1 AND recall_id = $2
       LIMIT 1`,
      [organizationId, recallId, userId, note],
    );
    return row ?? null;
  }
}
