import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { applySearch, ListQuery, Page, paginate, SortKey } from '../common/listing.js';
import { sqlSearchKey } from '../common/search.js';
import type { CertificationStatus } from './certification-rules.js';
import { Certification, CertificationKind, CertificationScopeType } from './certification.entity.js';

export interface CertificationListQuery extends ListQuery {
  kind?: CertificationKind;
  scopeType?: CertificationScopeType;
  scopeId?: string;
  /** Computed on `date`. */
  status?: CertificationStatus;
}

export interface CertificationScope {
  scopeType: CertificationScopeType;
  scopeId: string;
}

export type CertificationValues = Omit<Certification, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

/** The table holding each kind of scope, all tenant-owned with (organization_id, id). */
const SCOPE_TABLES: Record<Exclude<CertificationScopeType, 'organization'>, string> = {
  product: 'product',
  growing_area: 'growing_area',
  facility: 'facility',
};

const SORT_KEYS: Record<string, SortKey<Certification>> = {
  issuedAt: { path: 'c.issuedAt', type: 'date', value: (row) => row.issuedAt },
  createdAt: { path: 'c.createdAt', type: 'timestamptz', value: (row) => row.createdAt.toISOString() },
};

@Injectable()
export class CertificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(organizationId: string, id: string, manager?: EntityManager): Promise<Certification | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Certification, { organizationId, id });
  }

  findForUpdate(organizationId: string, id: string, manager: EntityManager): Promise<Certification | null> {
    return manager.findOne(Certification, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the scope (product, growing area, facility, or the organization itself) is the organization's. */
  async scopeExists(organizationId: string, scope: CertificationScope, manager?: EntityManager): Promise<boolean> {
    if (scope.scopeType === 'organization') return scope.scopeId === organizationId;
    const table = SCOPE_TABLES[scope.scopeType];
    const rows = await (manager ?? this.dataSource.manager).query(`SELECT 1 FROM ${table} WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      scope.scopeId,
    ]);
    return rows.length > 0;
  }

  insert(organizationId: string, values: CertificationValues, manager?: EntityManager): Promise<Certification> {
    const repository = (manager ?? this.dataSource.manager).getRepository(Certification);
    return repository.save(repository.create({ ...values, organizationId }));
  }

  update(organizationId: string, certification: Certification, values: Partial<CertificationValues>, manager: EntityManager): Promise<Certification> {
    if (certification.organizationId !== organizationId) throw new Error('certification of another organization');
    return manager.getRepository(Certification).save(Object.assign(certification, values));
  }

  list(organizationId: string, query: CertificationListQuery, date: string): Promise<Page<Certification>> {
    const qb = this.dataSource.getRepository(Certification).createQueryBuilder('c').where('c.organizationId = :organizationId', { organizationId });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.scopeType) qb.andWhere('c.scopeType = :scopeType', { scopeType: query.scopeType });
    if (query.scopeId) qb.andWhere('c.scopeId = :scopeId', { scopeId: query.scopeId });
    if (query.status) {
      qb.setParameter('statusDate', date);
      if (query.status === 'not_yet_valid') qb.andWhere('c.issuedAt > :statusDate');
      if (query.status === 'expired') qb.andWhere('c.expiresAt < :statusDate');
      if (query.status === 'valid') {
        qb.andWhere('c.issuedAt <= :statusDate').andWhere(new Brackets((or) => or.where('c.expiresAt IS NULL').orWhere('c.expiresAt >= :statusDate')));
      }
    }
    applySearch(qb, query.q, [sqlSearchKey('c.number'), sqlSearchKey('c.issuer')]);
    return paginate(qb, 'c', query, SORT_KEYS, '-issuedAt');
  }

  /** Every certification of the given scopes, newest first. */
  forScopes(organizationId: string, scopes: readonly CertificationScope[], manager?: EntityManager): Promise<Certification[]> {
    if (scopes.length === 0) return Promise.resolve([]);
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(Certification)
      .createQueryBuilder('c')
      .where('c.organizationId = :organizationId', { organizationId })
      .andWhere(
        new Brackets((or) => {
          scopes.forEach((scope, i) => {
            or.orWhere(`(c.scopeType = :scopeType${i} AND c.scopeId = :scopeId${i})`, { [`scopeType${i}`]: scope.scopeType, [`scopeId${i}`]: scope.scopeId });
          });
        }),
      )
      .orderBy('c.issuedAt', 'DESC')
      .addOrderBy('c.id', 'ASC');
    return qb.getMany();
  }

  /** Stars of the best OCOP certification valid on `date` for each product that has one. */
  async validOcopStarsByProduct(organizationId: string, productIds: readonly string[], date: string, manager?: EntityManager): Promise<Map<string, number>> {
    if (productIds.length === 0) return new Map();
    const rows: { productId: string; stars: number }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT scope_id AS "productId", max(level)::int AS stars
         FROM certification
        WHERE organization_id = $1 AND kind = 'ocop' AND scope_type = 'product' AND scope_id = ANY($2::uuid[])
          AND issued_at <= $3::date AND (expires_at IS NULL OR expires_at >= $3::date)
        GROUP BY scope_id`,
      [organizationId, [...productIds], date],
    );
    return new Map(rows.map((row) => [row.productId, row.stars]));
  }
}
