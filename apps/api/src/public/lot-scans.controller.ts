import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainException, ScanStatsRepository, type Caller, type LotScanStats } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { PublicPageService } from './pages/public-page.service.js';

function boundedInt(value: string | undefined, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new DomainException('VALIDATION_FAILED', `${field}: a whole number from ${min} to ${max}`, 'bad_request', { field });
  }
  return n;
}

/** Scan counts of a lot for the organization that owns it (other organizations get 404). */
@ApiTags('lots')
@ApiBearerAuth()
@Controller('api/v1/lots')
export class LotScansController {
  constructor(
    private readonly stats: ScanStatsRepository,
    private readonly pages: PublicPageService,
  ) {}

  @Get(':id/scans')
  @ApiOperation({ summary: 'Scans of a lot: total, by client class, by day (last `days`), top `top` serials with copied-label warnings' })
  @ApiQuery({ name: 'days', required: false, description: '1–366, default 30' })
  @ApiQuery({ name: 'top', required: false, description: '1–100, default 10' })
  async scans(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query('days') days?: string, @Query('top') top?: string): Promise<LotScanStats> {
    const options = { days: boundedInt(days, 'days', 30, 1, 366), top: boundedInt(top, 'top', 10, 1, 100) };
    // This replica's buffered scans first, so a count read right after a scan includes it.
    await this.pages.flushScans();
    return this.stats.lotScans(caller.organizationId, id, options);
  }
}
