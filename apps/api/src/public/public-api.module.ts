import { Module } from '@nestjs/common';
import { PublicLotModule } from '@app/traceability';
import { LotScansController } from './lot-scans.controller.js';
import { ResolverController } from './resolver.controller.js';

/** The public resolver and lot pages, and the organization's scan counts (issue 6). */
@Module({
  imports: [PublicLotModule],
  controllers: [ResolverController, LotScansController],
})
export class PublicApiModule {}
