import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecallOperation, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { RecallDto, RecallResultDto } from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

@ApiTags('recalls')
@ApiBearerAuth()
@Controller('api/v1/recalls')
export class RecallsController {
  constructor(private readonly recalls: RecallOperation) {}

  /** A recall's answer, read back from its event (ReplayWith). */
  replay(caller: Caller, eventId: string) {
    return this.recalls.result(caller, eventId);
  }

  @Post()
  @ReplayWith('replay', 'event')
  @ApiOperation({ summary: 'Recall a lot: it and every downstream lot (also in receiving organizations) become recalled' })
  @ApiCreatedResponse({ type: RecallResultDto })
  recall(@CurrentCaller() caller: Caller, @Body() body: RecallDto) {
    return this.recalls.run(caller, body);
  }
}
