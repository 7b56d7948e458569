import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { normalizeGtin } from '../../common/gs1.js';
import { searchKey } from '../../common/text.js';
import type { Unit } from '../../common/units.js';
import { CertificationsRepository } from '../certifications/certifications.repository.js';
import { canonicalDecimal, optionalText, positiveDecimal, rejectNull, requiredText, todayInVietnam } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { NetContentUnit, Product } from './product.entity.js';
import { ProductListQuery, ProductsRepository, ProductValues } from './products.repository.js';

export interface ProductInput {
  nameVi: string;
  nameEn?: string | null;
  ocopGroup?: number | null;
  gtin?: string | null;
  unit: Unit;
  netContent?: string | number | null;
  netContentUnit?: NetContentUnit | null;
  shelfLifeDays?: number | null;
  brand?: string | null;
  description?: string | null;
  imageUrl?: string | null;
  standards?: string[] | null;
}

export type ProductView = Omit<Product, 'nameSearch'> & {
  /** Stars of the product's OCOP certification valid today, or null. */
  ocopStars: number | null;
};

const GTIN_TAKEN = () =>
  new DomainException('GTIN_TAKEN', 'gtin: another product already has this GTIN (a GTIN identifies one product across the platform)', 'conflict', {
    field: 'gtin',
  });

/** What a cooperative sells: names, OCOP group, GTIN (optional, global), unit and pack details. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly repository: ProductsRepository,
    private readonly certifications: CertificationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(caller: Caller, input: ProductInput): Promise<ProductView> {
    const values = this.prepare(input);
    this.checkNetContent(values);
    try {
      const product = await inTransaction(this.dataSource, async (manager) => {
        if (values.gtin && (await this.repository.gtinInUse(caller.organizationId, values.gtin, null, manager))) throw GTIN_TAKEN();
        return this.repository.insert(caller.organizationId, values as ProductValues, manager);
      });
      return (await this.views(caller.organizationId, [product]))[0];
    } catch (error) {
      if (isUniqueViolation(error, 'product_gtin_key')) throw GTIN_TAKEN();
      throw error;
    }
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(caller: Caller, input: ProductInput): Promise<void> {
    const values = this.prepare(input);
    this.checkNetContent(values);
    if (values.gtin && (await this.repository.gtinInUse(caller.organizationId, values.gtin, null))) throw GTIN_TAKEN();
  }

  async get(caller: Caller, id: string): Promise<ProductView> {
    const product = await this.repository.find(caller.organizationId, id);
    if (!product) throw notFound('Product', id);
    return (await this.views(caller.organizationId, [product]))[0];
  }

  async update(caller: Caller, id: string, patch: Partial<ProductInput>): Promise<ProductView> {
    const values = this.prepare(patch);
    try {
      const product = await inTransaction(this.dataSource, async (manager) => {
        const existing = await this.repository.findForUpdate(caller.organizationId, id, manager);
        if (!existing) throw notFound('Product', id);
        this.checkNetContent({ netContent: existing.netContent, netContentUnit: existing.netContentUnit, ...values });
        if (values.gtin && values.gtin !== existing.gtin && (await this.repository.gtinInUse(caller.organizationId, values.gtin, id, manager))) {
          throw GTIN_TAKEN();
        }
        return this.repository.update(caller.organizationId, existing, values, manager);
      });
      return (await this.views(caller.organizationId, [product]))[0];
    } catch (error) {
      if (isUniqueViolation(error, 'product_gtin_key')) throw GTIN_TAKEN();
      throw error;
    }
  }

  async list(caller: Caller, query: ProductListQuery): Promise<Page<ProductView>> {
    const page = await this.repository.list(caller.organizationId, query);
    return { ...page, items: await this.views(caller.organizationId, page.items) };
  }

  /**
   * The receiver's copy of a product a shipment brought (receive): names, group, unit, pack and
   * standards as the sender registered them, without the GTIN (global: it stays the sender's product's)
   * or the image. Inside the receiving transaction; no checks to make (the sender's row passed them).
   */
  async copyFromSender(organizationId: string, sender: { organizationId: string; productId: string }, manager: EntityManager): Promise<Product> {
    const source = await this.repository.find(sender.organizationId, sender.productId, manager);
    if (!source) throw notFound('Product', sender.productId);
    const { nameVi, nameEn, nameSearch, ocopGroup, unit, netContent, netContentUnit, shelfLifeDays, brand, description, standards } = source;
    const values: ProductValues = { nameVi, nameEn, nameSearch, ocopGroup, unit, netContent, netContentUnit, shelfLifeDays, brand, description, standards, gtin: null, imageUrl: null };
    return this.repository.insert(organizationId, values, manager);
  }

  /** A product of the organization, or null (for the lots and labels code). */
  find(organizationId: string, id: string): Promise<Product | null> {
    return this.repository.find(organizationId, id);
  }

  private prepare(input: Partial<ProductInput>): Partial<ProductValues> {
    rejectNull(input, ['nameVi', 'unit']);
    const values: Partial<ProductValues> = {};
    if (input.nameVi !== undefined) {
      values.nameVi = requiredText(input.nameVi, 'nameVi');
      values.nameSearch = searchKey(values.nameVi);
    }
    for (const field of ['nameEn', 'brand', 'description', 'imageUrl'] as const) {
      const text = optionalText(input[field]);
      if (text !== undefined) values[field] = text;
    }
    if (input.ocopGroup !== undefined) values.ocopGroup = input.ocopGroup;
    if (input.unit !== undefined) values.unit = input.unit;
    if (input.gtin !== undefined) values.gtin = input.gtin === null || input.gtin.trim() === '' ? null : normalizeGtin(input.gtin, 'gtin');
    if (input.netContent !== undefined) {
      values.netContent = input.netContent === null ? null : positiveDecimal(input.netContent, 'netContent', { scale: 6, integerDigits: 12 });
    }
    if (input.netContentUnit !== undefined) values.netContentUnit = input.netContentUnit;
    if (input.shelfLifeDays !== undefined) values.shelfLifeDays = input.shelfLifeDays;
    if (input.standards !== undefined) {
      const standards = (input.standards ?? []).map((s) => optionalText(s)).filter((s): s is string => !!s);
      values.standards = [...new Set(standards)];
    }
    return values;
  }

  /** Net content is an amount and a unit: one without the other cannot convert packs to kilograms. */
  private checkNetContent(values: { netContent?: string | null; netContentUnit?: NetContentUnit | null }): void {
    const hasAmount = values.netContent !== undefined && values.netContent !== null;
    const hasUnit = values.netContentUnit !== undefined && values.netContentUnit !== null;
    if (hasAmount && !hasUnit) throw new InvalidFieldException('NET_CONTENT_UNIT_REQUIRED', 'netContentUnit', 'netContent is given without its unit');
    if (hasUnit && !hasAmount) throw new InvalidFieldException('NET_CONTENT_REQUIRED', 'netContent', 'netContentUnit is given without the amount');
  }

  private async views(organizationId: string, products: Product[]): Promise<ProductView[]> {
    const stars = await this.certifications.validOcopStarsByProduct(
      organizationId,
      products.map((p) => p.id),
      todayInVietnam(),
    );
    return products.map(({ nameSearch: _search, ...product }) => ({
      ...product,
      netContent: canonicalDecimal(product.netContent),
      ocopStars: stars.get(product.id) ?? null,
    }));
  }
}

