import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ListQuery, Page, paginate, SortKey } from '../common/listing.js';
import { InputApplication } from './input-application.entity.js';

export interface InputApplicationListQuery extends Omit<ListQuery, 'q'> {
  /** true: only voided ones; false: only those in force; absent: all. */
  voided?: boolean;
}

export type InputApplicationValues = Omit<InputApplication, 'id' | 'organizationId' | 'createdAt' | 'voidedAt' | 'voidedBy' | 'voidReason'>;

const SORT_KEYS: Record<string, SortKey<InputApplication>> = {
  appliedAt: { path: 'i.appliedAt', type: 'date', value: (row) => row.appliedAt },
  createdAt: { path: 'i.createdAt', type: 'timestamptz', value: (row) => row.createdAt.toISOString() },
};

@Injectable()
export class InputApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(organizationId: string, values: InputApplicationValues, manager: EntityManager): Promise<InputApplication> {
    const repository = manager.getRepository(InputApplication);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  find(organizationId: string, growingAreaId: string, id: string): Promise<InputApplication | null> {
    return this.dataSource.getRepository(InputApplication).findOneBy({ organizationId, growingAreaId, id });
  }

  findForUpdate(organizationId: string, growingAreaId: string, id: string, manager: EntityManager): Promise<InputApplication | null> {
    return manager.findOne(InputApplication, { where: { organizationId, growingAreaId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Voiding is the only change an application ever gets. */
  markVoided(organizationId: string, input: InputApplication, voidedBy: string | null, reason: string, manager: EntityManager): Promise<InputApplication> {
    if (input.organizationId !== organizationId) throw new Error('input application of another organization');
    return manager.getRepository(InputApplication).save(Object.assign(input, { voidedAt: new Date(), voidedBy, voidReason: reason }));
  }

  list(organizationId: string, growingAreaId: string, query: InputApplicationListQuery): Promise<Page<InputApplication>> {
    const qb = this.dataSource
      .getRepository(InputApplication)
      .createQueryBuilder('i')
      .where('i.organizationId = :organizationId', { organizationId })
      .andWhere('i.growingAreaId = :growingAreaId', { growingAreaId });
    if (query.voided === true) qb.andWhere('i.voidedAt IS NOT NULL');
    if (query.voided === false) qb.andWhere('i.voidedAt IS NULL');
    return paginate(qb, 'i', query, SORT_KEYS, '-appliedAt');
  }

  /** Applications in force (not voided) on an area, oldest first. */
  inForce(organizationId: string, growingAreaId: string, manager?: EntityManager): Promise<InputApplication[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(InputApplication)
      .createQueryBuilder('i')
      .where('i.organizationId = :organizationId', { organizationId })
      .andWhere('i.growingAreaId = :growingAreaId', { growingAreaId })
      .andWhere('i.voidedAt IS NULL')
      .orderBy('i.appliedAt', 'ASC')
      .addOrderBy('i.createdAt', 'ASC')
      .getMany();
  }

  /** Earliest allowed harvest date per area (latest appliedAt + PHI in force); absent when none. */
  async earliestHarvestDates(organizationId: string, growingAreaIds: readonly string[]): Promise<Map<string, string>> {
    if (growingAreaIds.length === 0) return new Map();
    const rows: { growingAreaId: string; date: string }[] = await this.dataSource.query(
      `SELECT growing_area_id AS "growingAreaId", to_char(max(applied_at + phi_days), 'YYYY-MM-DD') AS date
         FROM input_application
        WHERE organization_id = $1 AND growing_area_id = ANY($2::uuid[]) AND voided_at IS NULL
        GROUP BY growing_area_id`,
      [organizationId, [...growingAreaIds]],
    );
    return new Map(rows.map((row) => [row.growingAreaId, row.date]));
  }
}
