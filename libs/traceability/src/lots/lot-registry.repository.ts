import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Db } from '@app/database';
import { selectList, type Columns } from '../common/row-columns.js';
import type { Unit } from '../common/units.js';

/**
 * The registry records lot operations read by id (products, partners, facilities): plain SQL on the
 * tables the registry migration fixes, one query each; reads only (a product is registered through
 * the registry's ProductsService, even the copy a receipt makes). Growing-area rules come from the registry's
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

/** The columns each record reads (checked against the migrated schema by test/foundation/row-types.e2e-spec.ts). */
export const PRODUCT_RECORD_COLUMNS: Columns<ProductRecord> = {
  id: true, nameVi: true, nameEn: true, gtin: true, unit: true, netContent: true, netContentUnit: true, shelfLifeDays: true,
};
export const PARTNER_RECORD_COLUMNS: Columns<PartnerRecord> = { id: true, kind: true, name: true, linkedOrganizationId: true, commune: true, province: true, address: true };
export const FACILITY_RECORD_COLUMNS: Columns<FacilityRecord> = { id: true, kind: true, name: true, code: true, address: true, commune: true, province: true };

const PRODUCT_COLUMNS = selectList(PRODUCT_RECORD_COLUMNS);

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

  async findPartner(organizationId: string, id: string, db: Db = this.dataSource): Promise<PartnerRecord | null> {
    const rows: PartnerRecord[] = await db.query(
      `SELECT ${selectList(PARTNER_RECORD_COLUMNS)} FROM partner WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  async findFacility(organizationId: string, id: string, db: Db = this.dataSource): Promise<FacilityRecord | null> {
    const rows: FacilityRecord[] = await db.query(
      `SELECT ${selectList(FACILITY_RECORD_COLUMNS)} FROM facility WHERE organization_id = $1 AND id = $2`,
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
