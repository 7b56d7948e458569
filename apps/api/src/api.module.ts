import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { EpcisCaptureModule, ImportsModule, LabelJobsModule, LotJobsModule, ProgrammeReportsModule, ShowcaseModule, TRACEABILITY_ENTITIES, TraceabilityModule } from '@app/traceability';
import { AccountController } from './account/account.controller.js';
import { OrganizationController } from './account/organization.controller.js';
import { OrganizationLinksController } from './account/organization-links.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './common/auth.guard.js';
import { AllExceptionsFilter } from './common/exception.filter.js';
import { IdempotencyInterceptor } from './common/idempotency.interceptor.js';
import { TextInputPipe } from './common/text-input.pipe.js';
import { createValidationPipe } from './common/validation.js';
import { HealthController } from './health/health.controller.js';
import { PublicApiModule } from './public/public-api.module.js';
import { LOTS_CONTROLLERS } from './lots/index.js';
import { RegistryApiModule } from './registry/registry-api.module.js';
import { LabelJobsController } from './labels/label-jobs.controller.js';
import { AdminUnitsController } from './admin-units/admin-units.controller.js';
import { ImportsController } from './imports/imports.controller.js';
import { ProgrammeController } from './programme/programme.controller.js';
import { PublicProfileController } from './showcase/public-profile.controller.js';
import { EvidencePhotosController } from './evidence/evidence-photos.controller.js';
import { ProgrammeReportsController } from './programme/programme-reports.controller.js';

@Module({
  imports: [RegistryApiModule, PublicApiModule],
  controllers: [
    HealthController,
    AuthController,
    AccountController,
    OrganizationController,
    OrganizationLinksController,
    ...LOTS_CONTROLLERS,
    LabelJobsController,
    ImportsController,
    AdminUnitsController,
    ProgrammeController,
    PublicProfileController,
    EvidencePhotosController,
    ProgrammeReportsController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: TextInputPipe },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(TRACEABILITY_ENTITIES), QueueModule.forRoot(), TraceabilityModule, LabelJobsModule, ImportsModule, ProgrammeReportsModule, ShowcaseModule, EpcisCaptureModule, LotJobsModule],
    };
  }
}
