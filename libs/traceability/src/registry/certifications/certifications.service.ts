import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { toLocalDate, VIETNAM_OFFSET } from '../../common/dates.js';
import { InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { addMonths, localDate, optionalText, rejectNull, requiredText, todayInVietnam } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { certificationStatus, CertificationStatus, defaultOcopIssuingLevel, OCOP_VALIDITY_MONTHS, resolveCertificationTerms } from './certification-rules.js';
import { Certification, CertificationKind, CertificationScopeType, IssuingLevel } from './certification.entity.js';
import { CertificationListQuery, CertificationScope, CertificationsRepository, CertificationValues } from './certifications.repository.js';

export interface CertificationInput {
  kind: CertificationKind;
  /** OCOP stars (3–5). */
  level?: number | null;
  /** Defaults for OCOP: central for 5★, provincial for 3–4★. */
  issuingLevel?: IssuingLevel | null;
  number: string;
  issuer: string;
  /** Date (or date-time, whose local date is taken). */
  issuedAt: string;
  /** Defaults for OCOP: issuedAt + 36 months. Others: none (valid until withdrawn). */
  expiresAt?: string | null;
  scopeType: CertificationScopeType;
  scopeId: string;
  documentUrl?: string | null;
}

/** A certification with its validity computed on a date (today for API responses). */
export type CertificationView = Certification & { valid: boolean; status: CertificationStatus };

/**
 * OCOP stars, VietGAP, GlobalGAP, organic, HACCP… scoped to a product, growing area, facility or the
 * organization. Valid only between its dates; expired ones are kept and reported as expired.
 */
@Injectable()
export class CertificationsService {
  constructor(
    private readonly repository: CertificationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(caller: Caller, input: CertificationInput): Promise<CertificationView> {
    const values = this.prepare(input);
    const terms = resolveCertificationTerms({
      kind: input.kind,
      level: values.level ?? null,
      issuingLevel: values.issuingLevel ?? null,
      issuedAt: values.issuedAt!,
      expiresAt: values.expiresAt ?? null,
    });
    const certification = await inTransaction(this.dataSource, async (manager) => {
      await this.checkScope(caller.organizationId, { scopeType: input.scopeType, scopeId: input.scopeId }, manager);
      return this.repository.insert(caller.organizationId, { ...(values as CertificationValues), ...terms }, manager);
    });
    return this.view(certification, todayInVietnam());
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(caller: Caller, input: CertificationInput): Promise<void> {
    const values = this.prepare(input);
    resolveCertificationTerms({ kind: input.kind, level: values.level ?? null, issuingLevel: values.issuingLevel ?? null, issuedAt: values.issuedAt!, expiresAt: values.expiresAt ?? null });
    await this.checkScope(caller.organizationId, { scopeType: input.scopeType, scopeId: input.scopeId }, this.dataSource.manager);
  }

  async get(caller: Caller, id: string): Promise<CertificationView> {
    const certification = await this.repository.find(caller.organizationId, id);
    if (!certification) throw notFound('Certification', id);
    return this.view(certification, todayInVietnam());
  }

  async update(caller: Caller, id: string, patch: Partial<CertificationInput>): Promise<CertificationView> {
    const values = this.prepare(patch);
    const certification = await inTransaction(this.dataSource, async (manager) => {
      const existing = await this.repository.findForUpdate(caller.organizationId, id, manager);
      if (!existing) throw notFound('Certification', id);
      const merged = { ...existing, ...values };
      // Defaults follow their inputs: a default expiry moves with the issue date, a default issuing
      // level with the stars. Values someone typed stay until they are changed.
      if (existing.kind === 'ocop' && values.expiresAt === undefined && values.issuedAt !== undefined) {
        if (existing.expiresAt === addMonths(existing.issuedAt, OCOP_VALIDITY_MONTHS)) merged.expiresAt = null;
      }
      if (existing.kind === 'ocop' && values.issuingLevel === undefined && values.level !== undefined && existing.level !== null) {
        if (existing.issuingLevel === defaultOcopIssuingLevel(existing.level)) merged.issuingLevel = null;
      }
      const terms = resolveCertificationTerms(merged);
      if (values.scopeType !== undefined || values.scopeId !== undefined) {
        await this.checkScope(caller.organizationId, { scopeType: merged.scopeType, scopeId: merged.scopeId }, manager);
      }
      return this.repository.update(caller.organizationId, existing, { ...values, ...terms }, manager);
    });
    return this.view(certification, todayInVietnam());
  }

  async list(caller: Caller, query: CertificationListQuery): Promise<Page<CertificationView>> {
    const today = todayInVietnam();
    const page = await this.repository.list(caller.organizationId, query, today);
    return { ...page, items: page.items.map((certification) => this.view(certification, today)) };
  }

  /**
   * Every certification of the given scopes with its status at `at` (expired ones included, so pages
   * can show them as expired). For the lot, label and public-page code.
   */
  async certificationsFor(organizationId: string, scopes: readonly CertificationScope[], at: Date, manager?: EntityManager): Promise<CertificationView[]> {
    const date = toLocalDate(at, VIETNAM_OFFSET);
    const certifications = await this.repository.forScopes(organizationId, scopes, manager);
    return certifications.map((certification) => this.view(certification, date));
  }

  /** The certifications of the given scopes that are valid at `at` (its date in Vietnam). */
  async validCertificationsFor(organizationId: string, scopes: readonly CertificationScope[], at: Date, manager?: EntityManager): Promise<CertificationView[]> {
    return (await this.certificationsFor(organizationId, scopes, at, manager)).filter((certification) => certification.valid);
  }

  /** Stars of the product's best OCOP certification valid at `at`, or null when it has none. */
  async validOcopStars(organizationId: string, productId: string, at: Date, manager?: EntityManager): Promise<number | null> {
    const stars = await this.repository.validOcopStarsByProduct(organizationId, [productId], toLocalDate(at, VIETNAM_OFFSET), manager);
    return stars.get(productId) ?? null;
  }

  private prepare(input: Partial<CertificationInput>): Partial<CertificationValues> {
    rejectNull(input, ['kind', 'number', 'issuer', 'issuedAt', 'scopeType', 'scopeId']);
    const values: Partial<CertificationValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.level !== undefined) values.level = input.level;
    if (input.issuingLevel !== undefined) values.issuingLevel = input.issuingLevel;
    if (input.number !== undefined) values.number = requiredText(input.number, 'number');
    if (input.issuer !== undefined) values.issuer = requiredText(input.issuer, 'issuer');
    if (input.issuedAt !== undefined) values.issuedAt = localDate(input.issuedAt, 'issuedAt');
    if (input.expiresAt !== undefined) values.expiresAt = input.expiresAt === null ? null : localDate(input.expiresAt, 'expiresAt');
    if (input.scopeType !== undefined) values.scopeType = input.scopeType;
    if (input.scopeId !== undefined) values.scopeId = input.scopeId.toLowerCase();
    const documentUrl = optionalText(input.documentUrl);
    if (documentUrl !== undefined) values.documentUrl = documentUrl;
    return values;
  }

  private async checkScope(organizationId: string, scope: CertificationScope, manager: EntityManager): Promise<void> {
    if (!(await this.repository.scopeExists(organizationId, scope, manager))) {
      throw new InvalidFieldException(
        'CERTIFICATION_SCOPE_NOT_FOUND',
        'scopeId',
        scope.scopeType === 'organization'
          ? 'for scopeType organization, scopeId is your own organization id'
          : `no ${scope.scopeType.replace('_', ' ')} ${scope.scopeId} in your organization`,
      );
    }
  }

  private view(certification: Certification, date: string): CertificationView {
    const status = certificationStatus(certification, date);
    return { ...certification, valid: status === 'valid', status };
  }
}
