import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { ALL_IMPORT_KIND_NAMES, type AnyImportKindName, type HistoryKind } from './history/history-kind.js';
import { HarvestsImport } from './history/harvests.kind.js';
import { ProcessingImport } from './history/processing.kind.js';
import type { ImportKind } from './import-kind.js';
import { CertificationsImport } from './kinds/certifications.kind.js';
import { FacilitiesImport } from './kinds/facilities.kind.js';
import { InputApplicationsImport } from './kinds/input-applications.kind.js';
import { GrowingAreasImport } from './kinds/growing-areas.kind.js';
import { PartnersImport } from './kinds/partners.kind.js';
import { ProductsImport } from './kinds/products.kind.js';

/** The kinds of records a spreadsheet can bring in, by the name used in the routes. */
@Injectable()
export class ImportKinds {
  private readonly kinds: Record<AnyImportKindName, ImportKind | HistoryKind>;

  constructor(
    partners: PartnersImport,
    areas: GrowingAreasImport,
    products: ProductsImport,
    facilities: FacilitiesImport,
    certifications: CertificationsImport,
    inputs: InputApplicationsImport,
    harvests: HarvestsImport,
    processing: ProcessingImport,
  ) {
    this.kinds = { partners, 'growing-areas': areas, products, facilities, certifications, 'input-applications': inputs, harvests, processing } as unknown as Record<AnyImportKindName, ImportKind | HistoryKind>;
  }

  get(name: string): ImportKind | HistoryKind {
    if (!(ALL_IMPORT_KIND_NAMES as readonly string[]).includes(name)) {
      throw new DomainException('IMPORT_KIND_UNKNOWN', `kind: "${name}" is not one of ${ALL_IMPORT_KIND_NAMES.join(', ')}`, 'not_found', { field: 'kind' });
    }
    return this.kinds[name as AnyImportKindName];
  }

  all(): (ImportKind | HistoryKind)[] {
    return ALL_IMPORT_KIND_NAMES.map((name) => this.kinds[name]);
  }
}

export const IMPORT_KIND_PROVIDERS = [PartnersImport, GrowingAreasImport, ProductsImport, FacilitiesImport, CertificationsImport, InputApplicationsImport, HarvestsImport, ProcessingImport, ImportKinds];
