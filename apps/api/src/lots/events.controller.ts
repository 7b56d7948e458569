import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LotQueries, OperationResultsService, VoidEventOperation, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { EventDto, VoidDto, VoidResultDto } from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly voids: VoidEventOperation,
    private readonly queries: LotQueries,
    private readonly results: OperationResultsService,
  ) {}

  /** A void's answer, read back from its event (ReplayWith). */
  replay(caller: Caller, eventId: string) {
    return this.results.resultOf(caller, eventId);
  }

  @Get(':id')
  @ApiOkResponse({ type: EventDto })
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.queries.getEvent(caller, id);
  }

  @Post(':id/void')
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Correct a mistake: a void event that cancels this one (which stays in history)' })
  @ApiCreatedResponse({ type: VoidResultDto })
  voidEvent(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: VoidDto) {
    return this.voids.run(caller, id, body);
  }
}
