import { Module } from '@nestjs/common';
import { ChainVerifier } from './chain-verifier.js';
import { PublicLotRepository } from './public-lot.repository.js';
import { PublicLotService } from './public-lot.service.js';
import { PublicPageService } from './public-page.service.js';
import { ScanRecorder } from './scan-recorder.js';
import { ScanStatsRepository } from './scan-stats.repository.js';

const providers = [PublicLotRepository, ChainVerifier, PublicLotService, PublicPageService, ScanRecorder, ScanStatsRepository];

/** What a consumer sees when they scan (issue 6): the public read model, its page cache and scan log. */
@Module({ providers, exports: providers })
export class PublicLotModule {}
