import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Unit } from '../common/units.js';
import type { Db } from '@app/database';

/**
 * The registry records lot operations read by id (products, partners, facilities): plain SQL on the
 * tables the registry migration fixes, one query each. Growing-area rules come from the registry's
 * GrowingAreasService.harvestRules().
 */
export interface ProductRecord {
  id: string;
  nameVi: string;
  nameEn: string | null;
  gtin: string | null;
  unit: Unit;
  netContent: string | null;
  netContentUnit: Unit | null;
  shelfLifeDays: number | null;
}

export interface PartnerRecord {
  id: string;
  kind: string;
  name: string;
  linkedOrganizationId: string | null;
  commune: string | null;
  province: string | null;
  address: string | null;
}

export interface FacilityRecord {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  address: string | null;
  commune: string | null;
  province: string | null;
}

const PRODUCT_COLUMNS = `id, name_vi AS "nameVi", name_en AS "nameEn", gtin, unit, net_content AS "netContent",
  net_content_unit AS "netContentUnit", shelf_life_days AS "shelfLifeDays"`;

@Injectable()
export class LotRegistryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findProducts(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<Map<string, ProductRecord>> {
    const rows: ProductRecord[] = await db.query(`SELECT ${PRODUCT_COLUMNS} FROM product WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [
      organizationId,
      ids,
    ]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async findProduct(organizationId: string, id: string, db: Db = this.dataSource): Promise<ProductRecord | null> {
    return (await this.findProducts(organizationId, [id], db)).get(id) ?? null;
  }

  /** A product of the organization with this diacritic-free name and unit (to receive a shipment into). */
  async findProductByName(organizationId: string, nameSearch: string, unit: string, db: Db = this.dataSource): Promise<ProductRecord | null> {
    const rows: ProductRecord[] = await db.query(
      `SELECT ${PRODUCT_COLUMNS} FROM product WHERE organization_id = $1 AND name_search = $2 AND unit = $3 ORDER BY created_at LIMIT 1`,
      [organizationId, nameSearch, unit],
    );
    return rows[0] ?? null;
  }

  /** Registers a product in the receiver's registry, copied from the sender's (without its GTIN, which is globally unique). */
  async insertProductCopy(organizationId: string, sourceProductId: string, db: Db): Promise<ProductRecord> {
    const rows: ProductRecord[] = await db.query(
      `INSERT INTO product (organization_id, name_vi, name_en, name_search, ocop_group, unit, net_content, net_content_unit, shelf_life_days, brand, description, standards)
       SELECT $1, name_vi, name_en, name_search, ocop_group, unit, net_content, net_content_unit, shelf_life_days, brand, description, standards
       FROM product WHERE id = $2
       RETURNING ${PRODUCT_COLUMNS}`,
      [organizationId, sourceProductId],
    );
    return rows[0];
  }

  async findPartner(organizationId: string, id: string, db: Db = this.dataSource): Promise<PartnerRecord | null> {
    const rows: PartnerRecord[] = await db.query(
      `SELECT id, kind, name, linked_organization_id AS "linkedOrganizationId", commune, province, address
       FROM partner WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  async findFacility(organizationId: string, id: string, db: Db = this.dataSource): Promise<FacilityRecord | null> {
    const rows: FacilityRecord[] = await db.query(
      `SELECT id, kind, name, code, address, commune, province FROM facility WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  /** Names of organizations (the parties of a recall). */
  async organizationNames(organizationIds: string[], db: Db = this.dataSource): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await db.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [organizationIds]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
