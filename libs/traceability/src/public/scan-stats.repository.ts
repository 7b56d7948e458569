import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain.exception.js';

/**
 * A label serial scanned on more distinct days than this, or more times, looks copied. Scans here are
 * people's (not bots'), each client (address and browser) counted once a day: a phone reloading its
 * page sixty times is one scan.
 */
export const SUSPICIOUS_SERIAL_DISTINCT_DAYS = 20;
export const SUSPICIOUS_SERIAL_SCANS = 50;

export function isSuspiciousSerial(stats: { scans: number; distinctDays: number }): boolean {
  return stats.distinctDays > SUSPICIOUS_SERIAL_DISTINCT_DAYS || stats.scans > SUSPICIOUS_SERIAL_SCANS;
}

/**
 * A lot's scan figures. "Resolutions" are every counted GET (raw); "scans" count each client once a
 * day (the salted daily hash of its address and User-Agent; rows written before the hash count one
 * each).
 */
export interface LotScanStats {
  lotId: string;
  /** Resolutions, bots included. */
  total: number;
  /** Scans by people (not link previews, crawlers or scripts), each client once a day. */
  consumer: number;
  firstScannedAt: Date | null;
  lastScannedAt: Date | null;
  /** Scans (each client once a day) by client class, bots included. */
  byClientClass: Record<string, number>;
  /** Per local day: scans by people, and all resolutions. */
  byDay: { day: string; count: number; resolutions: number }[];
  topSerials: { serial: string; count: number; resolutions: number; distinctDays: number; firstScannedAt: Date; lastScannedAt: Date; suspicious: boolean }[];
}

/** Scan counts for the organization that owns a lot (GET /api/v1/lots/{id}/scans). */
@Injectable()
export class ScanStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lotScans(organizationId: string, lotId: string, options: { days: number; top: number }): Promise<LotScanStats> {
    const lot = await this.dataSource.query(`SELECT 1 FROM lot WHERE organization_id = $1 AND id = $2`, [organizationId, lotId]);
    if (!lot.length) throw notFound('Lot', lotId);
    const [row] = await this.dataSource.query(
      `WITH s AS (SELECT serial, scanned_at, scanned_on, client_class, coalesce(client_hash, '#' || id) AS client
                  FROM scan WHERE organization_id = $1 AND lot_id = $2)
       SELECT
         (SELECT count(*)::int FROM s) AS total,
         (SELECT count(DISTINCT client)::int FROM s WHERE client_class <> 'bot') AS consumer,
         (SELECT min(scanned_at) FROM s) AS "firstScannedAt",
         (SELECT max(scanned_at) FROM s) AS "lastScannedAt",
         (SELECT coalesce(json_object_agg(client_class, n), '{}') FROM (SELECT client_class, count(DISTINCT client)::int AS n FROM s GROUP BY client_class) c) AS "byClientClass",
         (SELECT coalesce(json_agg(json_build_object('day', day, 'count', n, 'resolutions', r) ORDER BY day), '[]')
            FROM (SELECT scanned_on::text AS day, count(DISTINCT client) FILTER (WHERE client_class <> 'bot')::int AS n, count(*)::int AS r
                  FROM s WHERE scanned_on > (now() AT TIME ZONE 'UTC' + interval '7 hours')::date - $3::int GROUP BY scanned_on) d) AS "byDay",
         (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.serial), '[]') FROM (
            SELECT serial, count(DISTINCT client)::int AS count, count(*)::int AS resolutions, count(DISTINCT scanned_on)::int AS "distinctDays",
              min(scanned_at) AS "firstScannedAt", max(scanned_at) AS "lastScannedAt"
            FROM s WHERE serial IS NOT NULL AND client_class <> 'bot' GROUP BY serial ORDER BY count(DISTINCT client) DESC, serial LIMIT $4) t) AS "topSerials"`,
      [organizationId, lotId, options.days, options.top],
    );
    return {
      lotId,
      total: row.total,
      consumer: row.consumer,
      firstScannedAt: row.firstScannedAt,
      lastScannedAt: row.lastScannedAt,
      byClientClass: row.byClientClass,
      byDay: row.byDay,
      topSerials: (row.topSerials as LotScanStats['topSerials']).map((serial) => ({ ...serial, suspicious: isSuspiciousSerial({ scans: serial.count, distinctDays: serial.distinctDays }) })),
    };
  }
}
