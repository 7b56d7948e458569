import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PublicLotModule, ShowcaseModule } from '@app/traceability';
import { LotScansController } from './lot-scans.controller.js';
import { PageChangesInterceptor } from './page-changes.interceptor.js';
import { PublicPageService } from './pages/public-page.service.js';
import { ResolverController } from './resolver.controller.js';
import { ShowcaseController } from './showcase/showcase.controller.js';
import { ShowcasePagesService } from './showcase/showcase-pages.service.js';

/** The public resolver and lot pages, the organization's scan counts (issues 6 and 12), the OCOP showcase (issue 20). */
@Module({
  imports: [PublicLotModule, ShowcaseModule],
  // The showcase's fixed paths (/robots.txt, /sitemap.xml) before the resolver's /:compressed.
  controllers: [ShowcaseController, ResolverController, LotScansController],
  providers: [PublicPageService, ShowcasePagesService, { provide: APP_INTERCEPTOR, useClass: PageChangesInterceptor }],
  exports: [PublicPageService, ShowcasePagesService],
})
export class PublicApiModule {}
