import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PublicLotModule } from '@app/traceability';
import { LotScansController } from './lot-scans.controller.js';
import { PageChangesInterceptor } from './page-changes.interceptor.js';
import { PublicPageService } from './pages/public-page.service.js';
import { ResolverController } from './resolver.controller.js';

/** The public resolver and lot pages, and the organization's scan counts (issues 6 and 12). */
@Module({
  imports: [PublicLotModule],
  controllers: [ResolverController, LotScansController],
  providers: [PublicPageService, { provide: APP_INTERCEPTOR, useClass: PageChangesInterceptor }],
  exports: [PublicPageService],
})
export class PublicApiModule {}
