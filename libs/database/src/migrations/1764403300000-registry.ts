import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Master data cooperatives keep (docs/domain.md#words): partners, facilities, products, certifications,
 * growing areas with their status history and input log. `*_search` columns hold the
 * diacritic-free lowercase form for search ("dien bien" finds "Điện Biên").
 */
export class Registry1764403300000 implements MigrationInterface {
  name = 'Registry1764403300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        kind text NOT NULL CHECK (kind IN ('member_household', 'collector', 'processor', 'packer', 'distributor', 'retailer', 'transporter', 'lab')),
        name text NOT NULL,
        name_search text NOT NULL,
        phone text,
        citizen_id text,
        tax_code text,
        commune text,
        province text,
        address text,
        gln char(13),
        linked_organization_id uuid REFERENCES organization(id),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX partner_org_name_idx ON partner (organization_id, name_search)`);

    await q.query(`
      CREATE TABLE facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        kind text NOT NULL CHECK (kind IN ('processing_plant', 'packing_house', 'warehouse')),
        name text NOT NULL,
        name_search text NOT NULL,
        code text,
        code_issuer text,
        code_status text CHECK (code_status IN ('active', 'suspended', 'revoked')),
        address text,
        commune text,
        province text,
        gln char(13),
        location jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX facility_org_name_idx ON facility (organization_id, name_search)`);

    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        name_vi text NOT NULL,
        name_en text,
        name_search text NOT NULL,
        ocop_group smallint CHECK (ocop_group BETWEEN 1 AND 6),
        gtin char(14),
        unit text NOT NULL CHECK (unit IN ('kg', 't', 'g', 'l', 'ml', 'pcs', 'pack')),
        net_content numeric(18, 6) CHECK (net_content > 0),
        net_content_unit text CHECK (net_content_unit IN ('kg', 't', 'g', 'l', 'ml', 'pcs')),
        shelf_life_days int CHECK (shelf_life_days > 0),
        brand text,
        description text,
        image_url text,
        standards text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX product_gtin_key ON product (gtin) WHERE gtin IS NOT NULL`);
    await q.query(`CREATE INDEX product_org_name_idx ON product (organization_id, name_search)`);

    await q.query(`
      CREATE TABLE certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        kind text NOT NULL CHECK (kind IN ('ocop', 'vietgap', 'globalgap', 'organic', 'haccp', 'other')),
        level smallint,
        issuing_level text CHECK (issuing_level IN ('central', 'provincial', 'district')),
        number text NOT NULL,
        issuer text NOT NULL,
        issued_at date NOT NULL,
        expires_at date,
        scope_type text NOT NULL CHECK (scope_type IN ('product', 'growing_area', 'facility', 'organization')),
        scope_id uuid NOT NULL,
        document_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at IS NULL OR expires_at >= issued_at),
        CHECK (kind <> 'ocop' OR level BETWEEN 3 AND 5)
      )`);
    await q.query(`CREATE INDEX certification_scope_idx ON certification (organization_id, scope_type, scope_id)`);

    await q.query(`
      CREATE TABLE growing_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        code text NOT NULL,
        issuer text NOT NULL DEFAULT '',
        name text NOT NULL,
        name_search text NOT NULL,
        crop text NOT NULL,
        variety text,
        area_ha numeric(12, 4) NOT NULL CHECK (area_ha > 0),
        province text NOT NULL,
        commune text,
        location jsonb,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'suspended', 'revoked')),
        issued_at date,
        target_markets text[] NOT NULL DEFAULT '{}',
        standard text,
        expected_yield_t numeric(14, 4),
        max_yield_t_per_ha numeric(10, 3),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    // A code is unique per issuer across the deployment: two cooperatives cannot claim one field.
    await q.query(`CREATE UNIQUE INDEX growing_area_code_key ON growing_area (issuer, code)`);
    await q.query(`CREATE INDEX growing_area_org_name_idx ON growing_area (organization_id, name_search)`);

    await q.query(`
      CREATE TABLE growing_area_owner (
        organization_id uuid NOT NULL,
        growing_area_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        PRIMARY KEY (growing_area_id, partner_id),
        FOREIGN KEY (organization_id, growing_area_id) REFERENCES growing_area (organization_id, id),
        FOREIGN KEY (organization_id, partner_id) REFERENCES partner (organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE growing_area_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        growing_area_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        changed_by uuid REFERENCES app_user(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, growing_area_id) REFERENCES growing_area (organization_id, id)
      )`);
    await q.query(`CREATE INDEX growing_area_status_change_area_idx ON growing_area_status_change (growing_area_id, changed_at)`);

    await q.query(`
      CREATE TABLE input_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        growing_area_id uuid NOT NULL,
        applied_at date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fertiliser', 'pesticide', 'other')),
        product_name text NOT NULL,
        active_ingredient text,
        dose numeric(14, 4),
        dose_unit text,
        phi_days int NOT NULL CHECK (phi_days >= 0),
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        voided_at timestamptz,
        voided_by uuid REFERENCES app_user(id),
        void_reason text,
        FOREIGN KEY (organization_id, growing_area_id) REFERENCES growing_area (organization_id, id)
      )`);
    await q.query(`CREATE INDEX input_application_area_idx ON input_application (growing_area_id, applied_at)`);

    // Per-organization overrides of the default maximum yields per crop (t/ha).
    await q.query(`
      CREATE TABLE crop_yield_limit (
        organization_id uuid NOT NULL REFERENCES organization(id),
        crop text NOT NULL,
        max_yield_t_per_ha numeric(10, 3) NOT NULL CHECK (max_yield_t_per_ha > 0),
        PRIMARY KEY (organization_id, crop)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE crop_yield_limit, input_application, growing_area_status_change, growing_area_owner, growing_area, certification, product, facility, partner`,
    );
  }
}
