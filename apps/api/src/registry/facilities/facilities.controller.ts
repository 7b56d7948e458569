import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FacilitiesService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../../common/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { ApiErrors } from '../common/registry.dto.js';
import { CreateFacilityDto, FacilityDto, FacilityListQueryDto, FacilityPageDto, UpdateFacilityDto } from './dto/index.js';
import { ReplayWith } from '../../common/replay.decorator.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Post()
  @ReplayWith('get', 'created')
  @ApiOperation({ summary: 'Register a processing plant, packing house or warehouse' })
  @ApiCreatedResponse({ type: FacilityDto })
  @ApiErrors(400, 422)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateFacilityDto) {
    return this.facilities.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List facilities (paged, searchable, sortable)' })
  @ApiOkResponse({ type: FacilityPageDto })
  @ApiErrors(400)
  list(@CurrentCaller() caller: Caller, @Query() query: FacilityListQueryDto) {
    return this.facilities.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: FacilityDto })
  @ApiErrors(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.facilities.get(caller, id);
  }

  @Patch(':id')
  @ReplayWith('get', { param: 'id' })
  @ApiOperation({ summary: 'Update a facility; null clears an optional field' })
  @ApiOkResponse({ type: FacilityDto })
  @ApiErrors(400, 404, 422)
  update(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdateFacilityDto) {
    return this.facilities.update(caller, id, body);
  }
}
