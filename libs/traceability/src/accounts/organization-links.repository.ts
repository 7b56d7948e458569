import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgError, readRows, type Db } from '@app/database';
import { selectList, type Columns } from '../common/row-columns.js';
import { returned } from './accounts.repository.js';
import type { Organization } from './organization.entity.js';

/** oversight: a programme office (from) reads a cooperative (to). trade: `from` may ship to `to`. */
export const LINK_KINDS = ['oversight', 'trade'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_STATUSES = ['pending', 'active', 'declined', 'ended'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
  province: string | null;
  commune: string | null;
}

export interface OrganizationLinkRow {
  id: string;
  kind: LinkKind;
  status: LinkStatus;
  fromOrganizationId: string;
  toOrganizationId: string;
  requestedByOrganizationId: string;
  requestedByUserId: string | null;
  createdAt: Date;
  respondedAt: Date | null;
  endedAt: Date | null;
}

export interface OrganizationLinkWithParties extends OrganizationLinkRow {
  from: OrganizationSummary;
  to: OrganizationSummary;
}

/** The columns a link row reads (checked against the migrated schema by test/foundation/row-types.e2e-spec.ts). */
export const ORGANIZATION_LINK_ROW_COLUMNS: Columns<OrganizationLinkRow> = {
  id: true, kind: true, status: true, fromOrganizationId: true, toOrganizationId: true, requestedByOrganizationId: true, requestedByUserId: true,
  createdAt: true, respondedAt: true, endedAt: true,
};
const LINK_COLUMNS = selectList(ORGANIZATION_LINK_ROW_COLUMNS, 'l');
const summary = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'kind', ${alias}.kind, 'province', ${alias}.province, 'commune', ${alias}.commune)`;
const ORGANIZATION_COLUMNS = `o.id, o.name, o.kind, o.province, o.commune, o.address, o.phone, o.tax_code AS "taxCode",
  o.office_confirmed_at AS "officeConfirmedAt", o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/**
 * An active oversight link from a confirmed programme office to an organization of its province:
 * `$1` the office, `o` the organization overseen.
 */
const OVERSEEN = `organization_link l
  JOIN organization office ON office.id = l.from_organization_id
  JOIN organization o ON o.id = l.to_organization_id
  WHERE l.kind = 'oversight' AND l.status = 'active' AND l.from_organization_id = $1
    AND office.kind = 'programme_office' AND office.office_confirmed_at IS NOT NULL AND o.province = office.province`;

export class LinkExistsError extends Error {}

/** Links between organizations: each one requested by one side and answered by the other. */
@Injectable()
export class OrganizationLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether `officeId` may read `organizationId` now: one indexed read per request. */
  async oversees(officeId: string, organizationId: string): Promise<boolean> {
    const rows = await readRows(this.dataSource, `SELECT 1 FROM ${OVERSEEN} AND l.to_organization_id = $2`, [officeId, organizationId], 'nguon_oversees');
    return rows.length > 0;
  }

  overseenOrganizations(officeId: string): Promise<Organization[]> {
    return this.dataSource.query(`SELECT ${ORGANIZATION_COLUMNS} FROM ${OVERSEEN} ORDER BY o.name, o.id`, [officeId]);
  }

  /** The links this organization is a party to (either side), open ones first. */
  list(organizationId: string, filter: { kind?: LinkKind; status?: LinkStatus; id?: string }): Promise<OrganizationLinkWithParties[]> {
    const params: unknown[] = [organizationId];
    const where = ['(l.from_organization_id = $1 OR l.to_organization_id = $1)'];
    if (filter.id) where.push(`l.id = $${params.push(filter.id)}`);
    if (filter.kind) where.push(`l.kind = $${params.push(filter.kind)}`);
    if (filter.status) where.push(`l.status = $${params.push(filter.status)}`);
    return this.dataSource.query(
      `SELECT ${LINK_COLUMNS}, ${summary('f')} AS "from", ${summary('t')} AS "to"
       FROM organization_link l JOIN organization f ON f.id = l.from_organization_id JOIN organization t ON t.id = l.to_organization_id
       WHERE ${where.join(' AND ')}
       ORDER BY (l.status = 'pending') DESC, (l.status = 'active') DESC, l.created_at DESC, l.id
       LIMIT 500`,
      params,
    );
  }

  /** A link this organization is a party to, locked for an answer or an end. */
  async findForUpdate(organizationId: string, id: string, db: Db): Promise<OrganizationLinkRow | null> {
    const [row] = await db.query(`SELECT ${LINK_COLUMNS} FROM organization_link l WHERE l.id = $2 AND (l.from_organization_id = $1 OR l.to_organization_id = $1) FOR UPDATE`, [
      organizationId,
      id,
    ]);
    return row ?? null;
  }

  async findOpen(kind: LinkKind, fromOrganizationId: string, toOrganizationId: string, db: Db = this.dataSource): Promise<OrganizationLinkRow | null> {
    const [row] = await db.query(
      `SELECT ${LINK_COLUMNS} FROM organization_link l WHERE l.kind = $1 AND l.from_organization_id = $2 AND l.to_organization_id = $3 AND l.status IN ('pending', 'active')`,
      [kind, fromOrganizationId, toOrganizationId],
    );
    return row ?? null;
  }

  /** A new pending link requested by `organizationId`; LinkExistsError when one is already open. */
  async insert(
    organizationId: string,
    link: { kind: LinkKind; fromOrganizationId: string; toOrganizationId: string; requestedByUserId: string | null },
    db: Db = this.dataSource,
  ): Promise<OrganizationLinkRow> {
    try {
      const [row] = await db.query(
        `INSERT INTO organization_link AS l (kind, from_organization_id, to_organization_id, status, requested_by_organization_id, requested_by_user_id)
         VALUES ($1, $2, $3, 'pending', $4, $5) RETURNING ${LINK_COLUMNS}`,
        [link.kind, link.fromOrganizationId, link.toOrganizationId, organizationId, link.requestedByUserId],
      );
      return row;
    } catch (error) {
      if (pgError(error).constraint === 'organization_link_open_key') throw new LinkExistsError();
      throw error;
    }
  }

  /** For a partner naming another organization: a trade request unless a link is already open. */
  async requestTrade(organizationId: string, toOrganizationId: string, requestedByUserId: string | null, db: Db): Promise<void> {
    await db.query(
      `INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id, requested_by_user_id)
       VALUES ('trade', $1, $2, 'pending', $1, $3)
       ON CONFLICT (kind, from_organization_id, to_organization_id) WHERE status IN ('pending', 'active') DO NOTHING`,
      [organizationId, toOrganizationId, requestedByUserId],
    );
  }

  async answer(organizationId: string, id: string, status: 'active' | 'declined', userId: string | null, db: Db): Promise<void> {
    returned(
      await db.query(
        `UPDATE organization_link SET status = $3, responded_at = now(), responded_by_user_id = $4
         WHERE id = $2 AND (from_organization_id = $1 OR to_organization_id = $1)`,
        [organizationId, id, status, userId],
      ),
    );
  }

  async end(organizationId: string, id: string, userId: string | null, db: Db): Promise<void> {
    returned(
      await db.query(
        `UPDATE organization_link SET status = 'ended', ended_at = now(), ended_by_organization_id = $1, ended_by_user_id = $3
         WHERE id = $2 AND (from_organization_id = $1 OR to_organization_id = $1)`,
        [organizationId, id, userId],
      ),
    );
  }

  /** Who may be asked: for an office, organizations of its province; for others, the confirmed offices of theirs. */
  candidates(organizationId: string): Promise<OrganizationSummary[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name, o.kind, o.province, o.commune
       FROM organization me JOIN organization o ON o.province = me.province AND o.id <> me.id
       WHERE me.id = $1 AND me.province IS NOT NULL
         AND CASE WHEN me.kind = 'programme_office' THEN me.office_confirmed_at IS NOT NULL AND o.kind <> 'programme_office'
                  ELSE o.kind = 'programme_office' AND o.office_confirmed_at IS NOT NULL END
         AND NOT EXISTS (SELECT 1 FROM organization_link l WHERE l.kind = 'oversight' AND l.status IN ('pending', 'active')
                           AND l.from_organization_id = CASE WHEN me.kind = 'programme_office' THEN me.id ELSE o.id END
                           AND l.to_organization_id = CASE WHEN me.kind = 'programme_office' THEN o.id ELSE me.id END)
       ORDER BY o.name, o.id LIMIT 500`,
      [organizationId],
    );
  }

  /** The operator ends an office's links (it is no longer confirmed). */
  async endAllOversight(officeId: string, db: Db): Promise<number> {
    const rows = returned(
      await db.query(
        `UPDATE organization_link SET status = 'ended', ended_at = now() WHERE kind = 'oversight' AND from_organization_id = $1 AND status IN ('pending', 'active') RETURNING id`,
        [officeId],
      ),
    );
    return rows.length;
  }
}
