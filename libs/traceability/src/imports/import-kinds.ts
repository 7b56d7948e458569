import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { IMPORT_KIND_NAMES, type ImportKind, type ImportKindName } from './import-kind.js';
import { CertificationsImport } from './kinds/certifications.kind.js';
import { FacilitiesImport } from './kinds/facilities.kind.js';
import { InputApplicationsImport } from './kinds/input-applications.kind.js';
import { GrowingAreasImport } from './kinds/growing-areas.kind.js';
import { PartnersImport } from './kinds/partners.kind.js';
import { ProductsImport } from './kinds/products.kind.js';

/** The kinds of records a spreadsheet can bring in, by the name used in the routes. */
@Injectable()
export class ImportKinds {
  private readonly kinds: Record<ImportKindName, ImportKind>;

  constructor(
    partners: PartnersImport,
    areas: GrowingAreasImport,
    products: ProductsImport,
    facilities: FacilitiesImport,
    certifications: CertificationsImport,
    inputs: InputApplicationsImport,
  ) {
    this.kinds = { partners, 'growing-areas': areas, products, facilities, certifications, 'input-applications': inputs } as unknown as Record<ImportKindName, ImportKind>;
  }

  get(name: string): ImportKind {
    if (!(IMPORT_KIND_NAMES as readonly string[]).includes(name)) {
      throw new DomainException('IMPORT_KIND_UNKNOWN', `kind: "${name}" is not one of ${IMPORT_KIND_NAMES.join(', ')}`, 'not_found', { field: 'kind' });
    }
    return this.kinds[name as ImportKindName];
  }

  all(): ImportKind[] {
    return IMPORT_KIND_NAMES.map((name) => this.kinds[name]);
  }
}

export const IMPORT_KIND_PROVIDERS = [PartnersImport, GrowingAreasImport, ProductsImport, FacilitiesImport, CertificationsImport, InputApplicationsImport, ImportKinds];
