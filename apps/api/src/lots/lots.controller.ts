import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ExportsService,
  HarvestOperation,
  InspectOperation,
  LotQueries,
  OperationResultsService,
  ShipOperation,
  SplitOperation,
  TraceService,
  TransformOperation,
  toFsmaCsv,
  toFsmaXlsxBuffer,
  type Caller,
} from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReadsFromReplica } from '../common/replica-reads.interceptor.js';
import {
  EventListDto,
  EventResultDto,
  HarvestDto,
  InspectDto,
  LotDto,
  LotListDto,
  LotListQueryDto,
  ShipDto,
  ShipResultDto,
  SplitDto,
  TraceDto,
  TraceQueryDto,
  TransformDto,
  TransformResultDto,
} from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

/** Lots: harvest, transform, split, ship, inspect; reads, history, genealogy and FSMA 204 exports. */
@ApiTags('lots')
@ApiBearerAuth()
@Controller('api/v1/lots')
export class LotsController {
  constructor(
    private readonly harvests: HarvestOperation,
    private readonly transforms: TransformOperation,
    private readonly splits: SplitOperation,
    private readonly shipments: ShipOperation,
    private readonly inspections: InspectOperation,
    private readonly queries: LotQueries,
    private readonly traces: TraceService,
    private readonly exports: ExportsService,
    private readonly results: OperationResultsService,
  ) {}

  /** A lot operation's answer, read back from its event (ReplayWith). */
  replay(caller: Caller, eventId: string) {
    return this.results.resultOf(caller, eventId);
  }

  @Post('harvest')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Log a harvest from a growing area: a new harvest lot' })
  @ApiCreatedResponse({ type: LotDto })
  harvest(@CurrentCaller() caller: Caller, @Body() body: HarvestDto) {
    return this.harvests.run(caller, body);
  }

  @Post('transform')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Processing, merging or packing: input lots (quantities used) → new output lots' })
  @ApiCreatedResponse({ type: TransformResultDto })
  transform(@CurrentCaller() caller: Caller, @Body() body: TransformDto) {
    return this.transforms.run(caller, body);
  }

  @Post(':id/split')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Split a lot into parts that keep its lineage' })
  @ApiCreatedResponse({ type: TransformResultDto })
  split(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: SplitDto) {
    return this.splits.run(caller, id, body);
  }

  @Post(':id/ship')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Ship a quantity of a lot to a partner' })
  @ApiCreatedResponse({ type: ShipResultDto })
  ship(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: ShipDto) {
    return this.shipments.run(caller, id, body);
  }

  @Post(':id/inspect')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Record a lab or QC result with its document reference' })
  @ApiCreatedResponse({ type: EventResultDto })
  inspect(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: InspectDto) {
    return this.inspections.run(caller, id, body);
  }

  @Get()
  @ApiOkResponse({ type: LotListDto })
  list(@CurrentCaller() caller: Caller, @Query() { q, ...query }: LotListQueryDto) {
    return this.queries.listLots(caller, { ...query, search: query.search ?? q });
  }

  @Get(':id')
  @ApiOkResponse({ type: LotDto })
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.queries.getLot(caller, id);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The lot’s history: every event with a line on it (voided ones marked), in chain order' })
  @ApiOkResponse({ type: EventListDto })
  events(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.queries.lotEvents(caller, id);
  }

  @Get(':id/trace')
  @ReadsFromReplica('fresh')
  @ApiOperation({ summary: 'Genealogy: back to growing areas, households and inputs, or forward to every lot and partner' })
  @ApiOkResponse({ type: TraceDto })
  trace(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: TraceQueryDto) {
    return this.traces.trace(caller, id, query.direction ?? 'back');
  }

  @Get(':id/trace.csv')
  @ReadsFromReplica('fresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'FSMA 204 sortable spreadsheet (CSV) of the lot’s trace, back and forward' })
  @ApiProduces('text/csv')
  async traceCsv(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    const csv = toFsmaCsv(await this.exports.fsmaRows(caller, id));
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="trace-${id}.csv"` });
  }

  @Get(':id/trace.xlsx')
  @ReadsFromReplica('fresh')
  @ApiOperation({ summary: 'FSMA 204 sortable spreadsheet (XLSX) of the lot’s trace, back and forward' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async traceXlsx(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    const xlsx = await toFsmaXlsxBuffer(await this.exports.fsmaRows(caller, id));
    return new StreamableFile(xlsx, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="trace-${id}.xlsx"`,
    });
  }
}
