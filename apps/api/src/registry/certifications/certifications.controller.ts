import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CertificationsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../../common/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { ApiErrors } from '../common/registry.dto.js';
import { CertificationDto, CertificationListQueryDto, CertificationPageDto, CreateCertificationDto, UpdateCertificationDto } from './dto/index.js';
import { ReplayWith } from '../../common/replay.decorator.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/certifications')
export class CertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  @Post()
  @ReplayWith('get', 'created')
  @ApiOperation({ summary: 'Record a certification (OCOP stars, VietGAP, GlobalGAP, organic, HACCP…) for a product, growing area, facility or the organization' })
  @ApiCreatedResponse({ type: CertificationDto })
  @ApiErrors(400, 422)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateCertificationDto) {
    return this.certifications.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List certifications (paged; filter by kind, scope, validity today)' })
  @ApiOkResponse({ type: CertificationPageDto })
  @ApiErrors(400)
  list(@CurrentCaller() caller: Caller, @Query() query: CertificationListQueryDto) {
    return this.certifications.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CertificationDto })
  @ApiErrors(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.certifications.get(caller, id);
  }

  @Patch(':id')
  @ReplayWith('get', { param: 'id' })
  @ApiOperation({ summary: 'Update a certification; defaults (OCOP expiry, issuing level) follow the dates and stars they came from' })
  @ApiOkResponse({ type: CertificationDto })
  @ApiErrors(400, 404, 422)
  update(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdateCertificationDto) {
    return this.certifications.update(caller, id, body);
  }
}
