import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnersService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../../common/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { ApiErrors } from '../common/registry.dto.js';
import { CreatePartnerDto, PartnerDto, PartnerListQueryDto, PartnerPageDto, UpdatePartnerDto } from './dto/index.js';
import { ReplayWith } from '../../common/replay.decorator.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @ReplayWith('get', 'created')
  @ApiOperation({ summary: 'Register a partner: member household, collector, processor, packer, distributor, retailer, transporter or lab' })
  @ApiCreatedResponse({ type: PartnerDto })
  @ApiErrors(400, 422)
  create(@CurrentCaller() caller: Caller, @Body() body: CreatePartnerDto) {
    return this.partners.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List partners (paged, searchable, sortable)' })
  @ApiOkResponse({ type: PartnerPageDto })
  @ApiErrors(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PartnerListQueryDto) {
    return this.partners.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnerDto })
  @ApiErrors(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.partners.get(caller, id);
  }

  @Patch(':id')
  @ReplayWith('get', { param: 'id' })
  @ApiOperation({ summary: 'Update a partner; null clears an optional field' })
  @ApiOkResponse({ type: PartnerDto })
  @ApiErrors(400, 404, 422)
  update(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdatePartnerDto) {
    return this.partners.update(caller, id, body);
  }
}
