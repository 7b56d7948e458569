import { Module } from '@nestjs/common';
import { TraceabilityModule } from '@app/traceability';
import { CertificationsController } from './certifications/certifications.controller.js';
import { CropYieldLimitsController } from './crop-yield-limits/crop-yield-limits.controller.js';
import { FacilitiesController } from './facilities/facilities.controller.js';
import { GrowingAreasController } from './growing-areas/growing-areas.controller.js';
import { PartnersController } from './partners/partners.controller.js';
import { ProductsController } from './products/products.controller.js';

/** The registry's HTTP routes (/api/v1/partners, facilities, products, certifications, growing-areas). */
@Module({
  imports: [TraceabilityModule],
  controllers: [PartnersController, FacilitiesController, ProductsController, CertificationsController, GrowingAreasController, CropYieldLimitsController],
})
export class RegistryApiModule {}
