import { CertificationsRepository } from './certifications/certifications.repository.js';
import { CertificationsService } from './certifications/certifications.service.js';
import { FacilitiesRepository } from './facilities/facilities.repository.js';
import { FacilitiesService } from './facilities/facilities.service.js';
import { CropYieldLimitsRepository } from './growing-areas/crop-yield-limits.repository.js';
import { CropYieldLimitsService } from './growing-areas/crop-yield-limits.service.js';
import { GrowingAreasRepository } from './growing-areas/growing-areas.repository.js';
import { GrowingAreasService } from './growing-areas/growing-areas.service.js';
import { InputApplicationsRepository } from './growing-areas/input-applications.repository.js';
import { InputApplicationsService } from './growing-areas/input-applications.service.js';
import { PartnersRepository } from './partners/partners.repository.js';
import { PartnersService } from './partners/partners.service.js';
import { ProductsRepository } from './products/products.repository.js';
import { ProductsService } from './products/products.service.js';

/** The registry's repositories and services, provided and exported by TraceabilityModule. */
export const REGISTRY_PROVIDERS = [
  PartnersRepository,
  PartnersService,
  FacilitiesRepository,
  FacilitiesService,
  ProductsRepository,
  ProductsService,
  CertificationsRepository,
  CertificationsService,
  GrowingAreasRepository,
  GrowingAreasService,
  InputApplicationsRepository,
  InputApplicationsService,
  CropYieldLimitsRepository,
  CropYieldLimitsService,
];
