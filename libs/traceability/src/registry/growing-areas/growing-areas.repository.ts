import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applySearch, ListQuery, nameAndCreatedSortKeys, Page, paginate } from '../common/listing.js';
import { sqlSearchKey } from '../common/search.js';
import type { GrowingAreaStatus } from './growing-area-status.js';
import { GrowingArea } from './growing-area.entity.js';
import { GrowingAreaOwner } from './growing-area-owner.entity.js';

export interface GrowingAreaListQuery extends ListQuery {
  status?: GrowingAreaStatus;
  crop?: string;
}

export type GrowingAreaValues = Omit<GrowingArea, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

/** A status change with the name of who made it. */
export interface StatusChangeRecord {
  id: string;
  fromStatus: GrowingAreaStatus | null;
  toStatus: GrowingAreaStatus;
  reason: string;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
  /** When the change took effect, if back-dated; null: at changedAt. */
  effectiveAt: Date | null;
  evidenceReference: string | null;
}

@Injectable()
export class GrowingAreasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  find(organizationId: string, id: string, manager?: EntityManager): Promise<GrowingArea | null> {
    return this.manager(manager).findOneBy(GrowingArea, { organizationId, id });
  }

  /**
   * The area locked for this transaction: `update` (FOR NO KEY UPDATE) to change it or to take turns
   * with others doing so; `share` (FOR SHARE) to keep it from changing. Neither blocks foreign-key
   * checks of rows that merely reference the area.
   */
  findLocked(organizationId: string, id: string, manager: EntityManager, mode: 'update' | 'share' = 'update'): Promise<GrowingArea | null> {
    return manager.findOne(GrowingArea, {
      where: { organizationId, id },
      lock: { mode: mode === 'update' ? 'for_no_key_update' : 'pessimistic_read' },
    });
  }

  /**
   * Whether a growing area other than `exceptId` — in any organization — has this code from this
   * issuer: a code identifies one field, so two cooperatives cannot both claim it.
   */
  async codeTaken(organizationId: string, issuer: string, code: string, exceptId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows = await this.manager(manager).query(
      `SELECT 1 FROM growing_area WHERE issuer = $1 AND code = $2 AND NOT (organization_id = $3 AND id = $4) LIMIT 1`,
      [issuer, code, organizationId, exceptId ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.length > 0;
  }

  insert(organizationId: string, values: GrowingAreaValues, manager: EntityManager): Promise<GrowingArea> {
    const repository = manager.getRepository(GrowingArea);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  update(organizationId: string, area: GrowingArea, values: Partial<GrowingAreaValues>, manager: EntityManager): Promise<GrowingArea> {
    if (area.organizationId !== organizationId) throw new Error('growing area of another organization');
    return manager.getRepository(GrowingArea).save(Object.assign(area, values));
  }

  async setOwners(organizationId: string, growingAreaId: string, partnerIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(GrowingAreaOwner, { organizationId, growingAreaId });
    if (partnerIds.length) {
      await manager.insert(
        GrowingAreaOwner,
        partnerIds.map((partnerId) => ({ organizationId, growingAreaId, partnerId })),
      );
    }
  }

  /** Owner partner ids of each area, in the order they were given. */
  async ownersOf(organizationId: string, growingAreaIds: readonly string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const owners = new Map<string, string[]>(growingAreaIds.map((id) => [id, []]));
    if (growingAreaIds.length === 0) return owners;
    const rows: { growingAreaId: string; partnerId: string }[] = await this.manager(manager).query(
      `SELECT growing_area_id AS "growingAreaId", partner_id AS "partnerId"
         FROM growing_area_owner WHERE organization_id = $1 AND growing_area_id = ANY($2::uuid[])
        ORDER BY ctid`,
      [organizationId, [...growingAreaIds]],
    );
    for (const row of rows) owners.get(row.growingAreaId)?.push(row.partnerId);
    return owners;
  }

  async addStatusChange(
    organizationId: string,
    change: {
      growingAreaId: string;
      fromStatus: GrowingAreaStatus | null;
      toStatus: GrowingAreaStatus;
      reason: string;
      changedBy: string | null;
      effectiveAt?: Date | null;
      evidenceReference?: string | null;
    },
    manager: EntityManager,
  ): Promise<void> {
    // changed_at defaults to now(): the transaction's time, never a time the client chose. The client's
    // effective date goes apart, and a CHECK keeps it no later than changed_at (LEAST covers the
    // milliseconds between the service's "not in the future" check and this statement; it skips NULLs,
    // hence the CASE: no effective date given stays null, "when recorded").
    await manager.query(
      `INSERT INTO growing_area_status_change (organization_id, growing_area_id, from_status, to_status, reason, changed_by, effective_at, evidence_reference)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::timestamptz IS NULL THEN NULL ELSE LEAST($7::timestamptz, now()) END, $8)`,
      [organizationId, change.growingAreaId, change.fromStatus, change.toStatus, change.reason, change.changedBy, change.effectiveAt ?? null, change.evidenceReference ?? null],
    );
  }

  /** The area's status history, oldest first, with who made each change. */
  history(organizationId: string, growingAreaId: string, manager?: EntityManager): Promise<StatusChangeRecord[]> {
    return this.manager(manager).query(
      `SELECT c.id, c.from_status AS "fromStatus", c.to_status AS "toStatus", c.reason, c.changed_by AS "changedBy",
              coalesce(u.name, u.email) AS "changedByName", c.changed_at AS "changedAt",
              c.effective_at AS "effectiveAt", c.evidence_reference AS "evidenceReference"
         FROM growing_area_status_change c
         LEFT JOIN app_user u ON u.id = c.changed_by AND u.organization_id = c.organization_id
        WHERE c.organization_id = $1 AND c.growing_area_id = $2
        ORDER BY c.changed_at, c.id`,
      [organizationId, growingAreaId],
    );
  }

  list(organizationId: string, query: GrowingAreaListQuery): Promise<Page<GrowingArea>> {
    const qb = this.dataSource.getRepository(GrowingArea).createQueryBuilder('g').where('g.organizationId = :organizationId', { organizationId });
    if (query.status) qb.andWhere('g.status = :status', { status: query.status });
    if (query.crop) qb.andWhere('g.crop = :crop', { crop: query.crop });
    applySearch(qb, query.q, ['g.nameSearch', sqlSearchKey('g.code'), sqlSearchKey('g.commune'), sqlSearchKey('g.province')]);
    return paginate(
      qb,
      'g',
      query,
      { ...nameAndCreatedSortKeys<GrowingArea>('g'), code: { path: 'g.code', type: 'text', value: (row) => row.code } },
      'name',
    );
  }
}
