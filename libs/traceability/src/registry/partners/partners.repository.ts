import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { applySearch, ListQuery, nameAndCreatedSortKeys, Page, paginate } from '../common/listing.js';
import { sqlSearchKey } from '../common/search.js';
import { Partner, PartnerKind } from './partner.entity.js';

export interface PartnerListQuery extends ListQuery {
  kind?: PartnerKind;
}

export type PartnerValues = Omit<Partner, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  find(organizationId: string, id: string, manager?: EntityManager): Promise<Partner | null> {
    return this.manager(manager).findOneBy(Partner, { organizationId, id });
  }

  findForUpdate(organizationId: string, id: string, manager: EntityManager): Promise<Partner | null> {
    return manager.findOne(Partner, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findMany(organizationId: string, ids: readonly string[], manager?: EntityManager): Promise<Partner[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager).findBy(Partner, { organizationId, id: In([...ids]) });
  }

  insert(organizationId: string, values: PartnerValues, manager?: EntityManager): Promise<Partner> {
    const repository = this.manager(manager).getRepository(Partner);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  async update(organizationId: string, partner: Partner, values: Partial<PartnerValues>, manager: EntityManager): Promise<Partner> {
    if (partner.organizationId !== organizationId) throw new Error('partner of another organization');
    return manager.getRepository(Partner).save(Object.assign(partner, values));
  }

  list(organizationId: string, query: PartnerListQuery): Promise<Page<Partner>> {
    const qb = this.dataSource.getRepository(Partner).createQueryBuilder('p').where('p.organizationId = :organizationId', { organizationId });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    applySearch(qb, query.q, ['p.nameSearch', sqlSearchKey('p.commune'), sqlSearchKey('p.province')]);
    return paginate(qb, 'p', query, nameAndCreatedSortKeys<Partner>('p'), 'name');
  }
}
