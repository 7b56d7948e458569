import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrowingAreasService, InputApplicationsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../../common/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { ApiErrors } from '../common/registry.dto.js';
import {
  ChangeStatusDto,
  CreateGrowingAreaDto,
  CreateInputApplicationDto,
  GrowingAreaDetailDto,
  GrowingAreaListQueryDto,
  GrowingAreaPageDto,
  HarvestWindowDto,
  InputApplicationDto,
  InputApplicationListQueryDto,
  InputApplicationPageDto,
  StatusHistoryDto,
  UpdateGrowingAreaDto,
  VoidInputApplicationDto,
} from './dto/index.js';
import { ReplayWith } from '../../common/replay.decorator.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/growing-areas')
export class GrowingAreasController {
  constructor(
    private readonly areas: GrowingAreasService,
    private readonly inputs: InputApplicationsService,
  ) {}

  /** One input application of the area in the path (ReplayWith). */
  input(caller: Caller, inputId: string, params: { id: string }) {
    return this.inputs.get(caller, params.id, inputId);
  }

  @Post()
  @ReplayWith('get', 'created')
  @ApiOperation({ summary: 'Register a growing area (mã số vùng trồng) as draft or active' })
  @ApiCreatedResponse({ type: GrowingAreaDetailDto })
  @ApiErrors(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateGrowingAreaDto) {
    return this.areas.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List growing areas (paged, searchable by name, code, commune, province; filter by status, crop)' })
  @ApiOkResponse({ type: GrowingAreaPageDto })
  @ApiErrors(400)
  list(@CurrentCaller() caller: Caller, @Query() query: GrowingAreaListQueryDto) {
    return this.areas.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A growing area with its owners, status history and earliest allowed harvest date' })
  @ApiOkResponse({ type: GrowingAreaDetailDto })
  @ApiErrors(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.areas.get(caller, id);
  }

  @Patch(':id')
  @ReplayWith('get', { param: 'id' })
  @ApiOperation({ summary: 'Update a growing area (not its status: use POST /{id}/status); null clears an optional field' })
  @ApiOkResponse({ type: GrowingAreaDetailDto })
  @ApiErrors(400, 404, 409, 422)
  update(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdateGrowingAreaDto) {
    return this.areas.update(caller, id, body);
  }

  @Post(':id/status')
  @ReplayWith('get', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the status with a reason: draft → active ⇄ suspended, any → revoked (final); kept in the history' })
  @ApiOkResponse({ type: GrowingAreaDetailDto })
  @ApiErrors(400, 404, 422)
  changeStatus(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: ChangeStatusDto) {
    return this.areas.changeStatus(caller, id, body);
  }

  @Get(':id/status-history')
  @ApiOperation({ summary: 'Every status change: from, to, reason, who and when (oldest first)' })
  @ApiOkResponse({ type: StatusHistoryDto })
  @ApiErrors(400, 404)
  async statusHistory(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return { items: await this.areas.statusHistory(caller, id) };
  }

  @Get(':id/harvest-window')
  @ApiOperation({ summary: 'Earliest allowed harvest date (pre-harvest intervals), whether harvesting is allowed today, and the yield ceiling' })
  @ApiOkResponse({ type: HarvestWindowDto })
  @ApiErrors(400, 404)
  harvestWindow(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.areas.harvestWindow(caller, id);
  }

  @Get(':id/inputs')
  @ApiOperation({ summary: 'The input log (fertiliser, pesticide…), voided entries included and marked' })
  @ApiOkResponse({ type: InputApplicationPageDto })
  @ApiErrors(400, 404)
  listInputs(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: InputApplicationListQueryDto) {
    return this.inputs.list(caller, id, query);
  }

  @Post(':id/inputs')
  @ReplayWith('input', 'created')
  @ApiOperation({ summary: 'Record an input application (append-only)' })
  @ApiCreatedResponse({ type: InputApplicationDto })
  @ApiErrors(400, 404, 422)
  createInput(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: CreateInputApplicationDto) {
    return this.inputs.create(caller, id, body);
  }

  @Post(':id/inputs/:inputId/void')
  @ReplayWith('input', { param: 'inputId' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an input application with a reason (it stays in the log and no longer restricts harvests)' })
  @ApiOkResponse({ type: InputApplicationDto })
  @ApiErrors(400, 404, 409)
  voidInput(
    @CurrentCaller() caller: Caller,
    @Param('id', IdPipe) id: string,
    @Param('inputId', IdPipe) inputId: string,
    @Body() body: VoidInputApplicationDto,
  ) {
    return this.inputs.void(caller, id, inputId, body.reason);
  }
}
