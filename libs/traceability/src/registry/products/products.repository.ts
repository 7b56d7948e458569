import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applySearch, ListQuery, nameAndCreatedSortKeys, Page, paginate } from '../common/listing.js';
import { sqlSearchKey } from '../common/search.js';
import { Product } from './product.entity.js';

export interface ProductListQuery extends ListQuery {
  ocopGroup?: number;
}

export type ProductValues = Omit<Product, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ProductsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(organizationId: string, id: string, manager?: EntityManager): Promise<Product | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Product, { organizationId, id });
  }

  findForUpdate(organizationId: string, id: string, manager: EntityManager): Promise<Product | null> {
    return manager.findOne(Product, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Whether any product of the deployment other than `exceptId` has this GTIN (GTINs are global:
   * one GTIN, one product). Answers only yes or no, never whose it is.
   */
  async gtinInUse(organizationId: string, gtin: string, exceptId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM product WHERE gtin = $1 AND NOT (organization_id = $2 AND id = $3) LIMIT 1`,
      [gtin, organizationId, exceptId ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.length > 0;
  }

  insert(organizationId: string, values: ProductValues, manager?: EntityManager): Promise<Product> {
    const repository = (manager ?? this.dataSource.manager).getRepository(Product);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  update(organizationId: string, product: Product, values: Partial<ProductValues>, manager: EntityManager): Promise<Product> {
    if (product.organizationId !== organizationId) throw new Error('product of another organization');
    return manager.getRepository(Product).save(Object.assign(product, values));
  }

  list(organizationId: string, query: ProductListQuery): Promise<Page<Product>> {
    const qb = this.dataSource.getRepository(Product).createQueryBuilder('p').where('p.organizationId = :organizationId', { organizationId });
    if (query.ocopGroup !== undefined) qb.andWhere('p.ocopGroup = :ocopGroup', { ocopGroup: query.ocopGroup });
    applySearch(qb, query.q, ['p.nameSearch', sqlSearchKey('p.nameEn'), sqlSearchKey('p.brand'), 'p.gtin']);
    return paginate(qb, 'p', query, nameAndCreatedSortKeys<Product>('p'), 'name');
  }
}
