import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applySearch, ListQuery, nameAndCreatedSortKeys, Page, paginate } from '../common/listing.js';
import { sqlSearchKey } from '../common/search.js';
import { Facility, FacilityKind } from './facility.entity.js';

export interface FacilityListQuery extends ListQuery {
  kind?: FacilityKind;
}

export type FacilityValues = Omit<Facility, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class FacilitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(organizationId: string, id: string, manager?: EntityManager): Promise<Facility | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Facility, { organizationId, id });
  }

  findForUpdate(organizationId: string, id: string, manager: EntityManager): Promise<Facility | null> {
    return manager.findOne(Facility, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(organizationId: string, values: FacilityValues, manager?: EntityManager): Promise<Facility> {
    const repository = (manager ?? this.dataSource.manager).getRepository(Facility);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  update(organizationId: string, facility: Facility, values: Partial<FacilityValues>, manager: EntityManager): Promise<Facility> {
    if (facility.organizationId !== organizationId) throw new Error('facility of another organization');
    return manager.getRepository(Facility).save(Object.assign(facility, values));
  }

  list(organizationId: string, query: FacilityListQuery): Promise<Page<Facility>> {
    const qb = this.dataSource.getRepository(Facility).createQueryBuilder('f').where('f.organizationId = :organizationId', { organizationId });
    if (query.kind) qb.andWhere('f.kind = :kind', { kind: query.kind });
    applySearch(qb, query.q, ['f.nameSearch', sqlSearchKey('f.code'), sqlSearchKey('f.commune'), sqlSearchKey('f.province')]);
    return paginate(qb, 'f', query, nameAndCreatedSortKeys<Facility>('f'), 'name');
  }
}
