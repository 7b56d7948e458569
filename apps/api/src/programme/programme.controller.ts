import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ProgrammeAlertsService, ProgrammeService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReadsFromReplica } from '../common/replica-reads.interceptor.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { ProgrammeAlertsDto, ProgrammeAlertsQueryDto, ProgrammeCertificatesQueryDto, ProgrammeDashboardDto, ProgrammeItemsDto, ProgrammeLotsQueryDto, ProgrammeMapDto, ProgrammeQueryDto } from './dto/index.js';

const OFFICE_ONLY = ApiResponse({ status: 403, description: 'PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office' });

/**
 * The province programme office's read-only view over the cooperatives that accepted its oversight
 * (README, "Programme office"). Every route takes the same period and filters. Computed live, and
 * read from a replica when there is one (a few seconds of lag at most).
 */
@ApiTags('programme')
@ReadsFromReplica('tolerant')
@ApiBearerAuth()
@Controller('api/v1/programme')
export class ProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly alerts: ProgrammeAlertsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mapTileUrl' | 'mapTileAttribution'>,
  ) {}

  @Get('dashboard')
  @ApiOperation({ summary: 'Every figure of the province dashboard for the period and filters' })
  @ApiOkResponse({ type: ProgrammeDashboardDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  dashboard(@CurrentCaller() caller: Caller, @Query() query: ProgrammeQueryDto) {
    return this.programme.dashboard(caller, query);
  }

  @Get('cooperatives')
  @ApiOperation({ summary: 'The overseen cooperatives with their figures (drill-down)' })
  @ApiOkResponse({ type: ProgrammeItemsDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  cooperatives(@CurrentCaller() caller: Caller, @Query() query: ProgrammeQueryDto) {
    return this.programme.cooperatives(caller, query);
  }

  @Get('cooperatives/:id')
  @ApiOperation({ summary: 'One overseen cooperative’s figures (another province’s or an unlinked one answers 404)' })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  cooperative(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: ProgrammeQueryDto) {
    return this.programme.cooperative(caller, id, query);
  }

  @Get('cooperatives/:id/lots')
  @ApiOperation({ summary: 'An overseen cooperative’s lots made in the period (read-only drill-down)' })
  @ApiOkResponse({ type: ProgrammeItemsDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  lots(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: ProgrammeLotsQueryDto) {
    return this.programme.lots(caller, id, query);
  }

  @Get('coverage')
  @ApiOperation({ summary: 'Traceability coverage per OCOP-certified product, with why a product falls short (no_lots, no_growing_area, no_labels)' })
  @ApiOkResponse({ type: ProgrammeItemsDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  coverage(@CurrentCaller() caller: Caller, @Query() query: ProgrammeQueryDto) {
    return this.programme.coverage(caller, query);
  }

  @Get('certificates')
  @ApiOperation({ summary: 'OCOP product certificates by state as of the period’s end (valid, expiring within 90 or 30 days, expired)' })
  @ApiOkResponse({ type: ProgrammeItemsDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  certificates(@CurrentCaller() caller: Caller, @Query() query: ProgrammeCertificatesQueryDto) {
    return this.programme.certificates(caller, query);
  }

  @Get('map')
  @ApiOperation({ summary: 'The map of growing areas: a GeoJSON FeatureCollection (points and polygons with status) and the configured tile source (null: draw on a plain background)' })
  @ApiOkResponse({ type: ProgrammeMapDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  async map(@CurrentCaller() caller: Caller, @Query() query: ProgrammeQueryDto) {
    const { items } = await this.programme.growingAreas(caller, query);
    return {
      tiles: this.config.mapTileUrl ? { url: this.config.mapTileUrl, attribution: this.config.mapTileAttribution } : null,
      areas: {
        type: 'FeatureCollection',
        features: items
          .filter((area: { location: unknown }) => area.location)
          .map(({ location, ...properties }: { location: unknown }) => ({ type: 'Feature', geometry: location, properties })),
      },
    };
  }

  @Get('growing-areas')
  @ApiOperation({ summary: 'Growing areas of the overseen cooperatives with their GeoJSON geometry and status (the map and its table)' })
  @ApiOkResponse({ type: ProgrammeItemsDto })
  @ApiErrors(400, 404, 422)
  @OFFICE_ONLY
  growingAreas(@CurrentCaller() caller: Caller, @Query() query: ProgrammeQueryDto) {
    return this.programme.growingAreas(caller, query);
  }

  @Get('alerts')
  @ApiOperation({
    summary:
      'The office’s alerts of a day, computed by the worker every morning at 06:00 (Vietnam): certificates expiring within 90 days (critical within 30) or expired, suspended or revoked growing areas with lots still on sale, copied-label signals, recalls not acknowledged by their receivers',
  })
  @ApiOkResponse({ type: ProgrammeAlertsDto })
  @ApiErrors(400, 422)
  @OFFICE_ONLY
  alertsOfDay(@CurrentCaller() caller: Caller, @Query() query: ProgrammeAlertsQueryDto) {
    return this.alerts.list(caller, query);
  }
}
