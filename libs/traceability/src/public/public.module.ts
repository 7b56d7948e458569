import { Module } from '@nestjs/common';
import { ChainVerifier } from './chain-verifier.js';
import { PublicLotRepository } from './public-lot.repository.js';
import { PublicLotService } from './public-lot.service.js';
import { ScanRecorder } from './scan-recorder.js';
import { ScanStatsRepository } from './scan-stats.repository.js';

const providers = [PublicLotRepository, ChainVerifier, PublicLotService, ScanRecorder, ScanStatsRepository];

/**
 * What a consumer sees when they scan (issue 6), as data: the lot's public history, the version probe
 * and the scan log. How it is presented (pages, JSON-LD, the page cache) is the API's
 * (apps/api/src/public/pages).
 */
@Module({ providers, exports: providers })
export class PublicLotModule {}
