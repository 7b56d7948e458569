import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LotQueries, OperationResultsService, ReceiveOperation, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReceiveDto, ReceiveResultDto, ShipmentDto, ShipmentListDto, ShipmentListQueryDto } from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

@ApiTags('shipments')
@ApiBearerAuth()
@Controller('api/v1/shipments')
export class ShipmentsController {
  constructor(
    private readonly receipts: ReceiveOperation,
    private readonly queries: LotQueries,
    private readonly results: OperationResultsService,
  ) {}

  /** A receipt's answer, read back from its event (ReplayWith). */
  replay(caller: Caller, eventId: string) {
    return this.results.resultOf(caller, eventId);
  }

  @Get()
  @ApiOperation({ summary: 'Shipments you sent (outgoing) or that organizations on the platform sent you (incoming)' })
  @ApiOkResponse({ type: ShipmentListDto })
  list(@CurrentCaller() caller: Caller, @Query() query: ShipmentListQueryDto) {
    return this.queries.listShipments(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ShipmentDto })
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.queries.getShipment(caller, id);
  }

  @Post(':id/receive')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Accept an incoming shipment into a lot of your own' })
  @ApiCreatedResponse({ type: ReceiveResultDto })
  receive(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: ReceiveDto) {
    return this.receipts.run(caller, id, body);
  }
}
