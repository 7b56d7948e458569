import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '@app/database';

/**
 * Cooperatives shown in the showcase: listed (their own choice) and under an active oversight link of
 * a confirmed programme office of their province ($1: that province's code, or null for every
 * province). The office's province code names the catalogue they appear in.
 */
const PRODUCERS = `
  producers AS (
    SELECT DISTINCT ON (o.id) o.id, office.province_code AS catalogue
    FROM organization_public_profile pp
    JOIN organization o ON o.id = pp.organization_id
    JOIN organization_link l ON l.to_organization_id = o.id AND l.kind = 'oversight' AND l.status = 'active'
    JOIN organization office ON office.id = l.from_organization_id AND office.kind = 'programme_office'
      AND office.office_confirmed_at IS NOT NULL AND office.province = o.province AND office.province_code IS NOT NULL
    WHERE pp.listed AND ($1::text IS NULL OR office.province_code = $1)
    ORDER BY o.id, office.province_code)`;

/** OCOP certificates are valid 36 months from issue when no expiry was recorded (as on the lot pages). */
const VALID_UNTIL = `coalesce(c.expires_at, CASE WHEN c.kind = 'ocop' THEN (c.issued_at + interval '36 months' - interval '1 day')::date END)`;

export interface ShowcaseProductRow {
  id: string;
  organizationId: string;
  nameVi: string;
  nameEn: string | null;
  description: string | null;
  brand: string | null;
  gtin: string | null;
  ocopGroup: number | null;
  photoKey: string | null;
  producerName: string;
  commune: string | null;
  communeCode: string | null;
  provinceCode: string;
  level: number | null;
  number: string | null;
  validUntil: string | null;
  recallCode: string | null;
  recallShortCode: string | null;
  recalledAt: Date | null;
  lotCode: string | null;
  lotShortCode: string | null;
}

export interface ShowcaseProducerRow {
  id: string;
  name: string;
  kind: string;
  commune: string | null;
  communeCode: string | null;
  province: string | null;
  provinceCode: string;
  storyVi: string | null;
  storyEn: string | null;
  publicPhone: string | null;
  publicEmail: string | null;
  website: string | null;
  links: { label: string; url: string }[];
  welcomesVisitors: boolean;
  visitInfoVi: string | null;
  visitInfoEn: string | null;
  photoKeys: string[];
  updatedAt: Date;
  workCommunes: string[] | null;
}

/** The showcase's reads: public fields only, named column by column (never a phone, tax code or note of the registry). */
@Injectable()
export class ShowcaseRepository {
  /** Reads on the primary, or on a replica when the caller chose one (ReadDatabase.fresh / tolerant). */
  constructor(private readonly reads: ReadDatabase) {}

  /**
   * The organizations whose changes can change a province's showcase ($1 null: every province): its
   * offices (a link changing notifies its office) and every cooperative linked to them, listed or not
   * (opting in or out notifies the cooperative).
   */
  async scope(provinceCode: string | null): Promise<string[]> {
    const rows = await this.reads.db.query(
      `SELECT office.id FROM organization office WHERE office.kind = 'programme_office' AND ($1::text IS NULL OR office.province_code = $1)
       UNION
       SELECT l.to_organization_id FROM organization_link l JOIN organization office ON office.id = l.from_organization_id
       WHERE l.kind = 'oversight' AND l.status = 'active' AND office.kind = 'programme_office' AND ($1::text IS NULL OR office.province_code = $1)`,
      [provinceCode],
    );
    return rows.map((row: { id: string }) => row.id);
  }

  producers(provinceCode: string | null, producerId: string | null = null): Promise<ShowcaseProducerRow[]> {
    return this.reads.db.query(
      `WITH ${PRODUCERS}
       SELECT o.id, o.name, o.kind, o.commune, o.commune_code AS "communeCode", o.province, pr.catalogue AS "provinceCode",
         pp.story_vi AS "storyVi", pp.story_en AS "storyEn", pp.public_phone AS "publicPhone", pp.public_email AS "publicEmail", pp.website, pp.links,
         pp.welcomes_visitors AS "welcomesVisitors", pp.visit_info_vi AS "visitInfoVi", pp.visit_info_en AS "visitInfoEn", pp.photo_keys AS "photoKeys",
         greatest(pp.updated_at, o.updated_at) AS "updatedAt",
         (SELECT array_agg(DISTINCT g.commune ORDER BY g.commune) FROM growing_area g
          WHERE g.organization_id = o.id AND g.status = 'active' AND g.commune IS NOT NULL) AS "workCommunes"
       FROM producers pr JOIN organization o ON o.id = pr.id JOIN organization_public_profile pp ON pp.organization_id = o.id
       WHERE ($2::uuid IS NULL OR o.id = $2)
       ORDER BY o.name, o.id`,
      [provinceCode, producerId],
    );
  }

  /**
   * Products of the showcased producers with their best OCOP rating valid on `today` (none when all
   * expired), their latest recall and their newest lot. Narrowed to one producer or one product.
   */
  products(provinceCode: string | null, today: string, filter: { producerId?: string; productId?: string } = {}): Promise<ShowcaseProductRow[]> {
    return this.reads.db.query(
      `WITH ${PRODUCERS}
       SELECT p.id, p.organization_id AS "organizationId", p.name_vi AS "nameVi", p.name_en AS "nameEn", p.description, p.brand, p.gtin,
         p.ocop_group AS "ocopGroup", p.photo_key AS "photoKey", o.name AS "producerName", o.commune, o.commune_code AS "communeCode",
         pr.catalogue AS "provinceCode", s.level, s.number, s.valid_until::text AS "validUntil",
         r.code AS "recallCode", r.short_code AS "recallShortCode", r.recalled_at AS "recalledAt", ll.code AS "lotCode", ll.short_code AS "lotShortCode"
       FROM producers pr
       JOIN organization o ON o.id = pr.id
       JOIN product p ON p.organization_id = o.id
       LEFT JOIN LATERAL (
         SELECT c.level, c.number, ${VALID_UNTIL} AS valid_until FROM certification c
         WHERE c.organization_id = p.organization_id AND c.kind = 'ocop' AND c.scope_type = 'product' AND c.scope_id = p.id
           AND c.level IS NOT NULL AND c.issued_at <= $2::date AND ${VALID_UNTIL} >= $2::date
         ORDER BY c.level DESC, valid_until DESC LIMIT 1) s ON true
       LEFT JOIN LATERAL (
         SELECT code, short_code, recalled_at FROM lot
         WHERE organization_id = p.organization_id AND product_id = p.id AND status = 'recalled'
         ORDER BY recalled_at DESC NULLS LAST LIMIT 1) r ON true
       LEFT JOIN LATERAL (
         SELECT code, short_code FROM lot
         WHERE organization_id = p.organization_id AND product_id = p.id AND status <> 'voided'
         ORDER BY produced_at DESC, id LIMIT 1) ll ON true
       WHERE ($3::uuid IS NULL OR p.organization_id = $3) AND ($4::uuid IS NULL OR p.id = $4)
       ORDER BY s.level DESC NULLS LAST, p.name_vi, p.id`,
      [provinceCode, today, filter.producerId ?? null, filter.productId ?? null],
    );
  }

  /** Certificates of the producer (its own and its products') valid on `today`. */
  certifications(organizationId: string, today: string) {
    return this.reads.db.query(
      `SELECT c.kind, c.level, c.number, c.issuer, ${VALID_UNTIL}::text AS "validUntil",
         CASE c.scope_type WHEN 'product' THEN p.name_vi ELSE o.name END AS "scopeName"
       FROM certification c JOIN organization o ON o.id = c.organization_id
       LEFT JOIN product p ON c.scope_type = 'product' AND p.id = c.scope_id AND p.organization_id = c.organization_id
       WHERE c.organization_id = $1 AND c.scope_type IN ('organization', 'product') AND c.issued_at <= $2::date
         AND (${VALID_UNTIL} IS NULL OR ${VALID_UNTIL} >= $2::date)
       ORDER BY (c.kind = 'ocop') DESC, c.level DESC NULLS LAST, c.number`,
      [organizationId, today],
    ) as Promise<{ kind: string; level: number | null; number: string; issuer: string; validUntil: string | null; scopeName: string }[]>;
  }

  /** Active growing areas of the showcased producers, with their geometry (their place is public on lot pages too). */
  areas(provinceCode: string): Promise<{ organizationId: string; producerName: string; name: string; location: unknown }[]> {
    return this.reads.db.query(
      `WITH ${PRODUCERS}
       SELECT g.organization_id AS "organizationId", o.name AS "producerName", g.name, g.location
       FROM producers pr JOIN organization o ON o.id = pr.id JOIN growing_area g ON g.organization_id = o.id
       WHERE g.status = 'active' AND g.location IS NOT NULL ORDER BY o.name, g.name LIMIT 2000`,
      [provinceCode],
    );
  }
}
