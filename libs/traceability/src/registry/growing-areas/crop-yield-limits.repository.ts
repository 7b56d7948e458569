import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalDecimal } from '../common/fields.js';
import { CropYieldLimit } from './crop-yield-limit.entity.js';

@Injectable()
export class CropYieldLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organization's own limits, crop → t/ha (canonical decimal strings). */
  async forOrganization(organizationId: string, manager?: EntityManager): Promise<Map<string, string>> {
    const rows = await (manager ?? this.dataSource.manager).findBy(CropYieldLimit, { organizationId });
    return new Map(rows.map((row) => [row.crop, canonicalDecimal(row.maxYieldTPerHa)!]));
  }

  /** In a transaction of its own, so that a request's Idempotency-Key commits with it. */
  async upsert(organizationId: string, crop: string, maxYieldTPerHa: string): Promise<void> {
    await this.dataSource.transaction((manager) => manager.query(
      `INSERT INTO crop_yield_limit (organization_id, crop, max_yield_t_per_ha) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, crop) DO UPDATE SET max_yield_t_per_ha = EXCLUDED.max_yield_t_per_ha`,
      [organizationId, crop, maxYieldTPerHa],
    ));
  }
}

