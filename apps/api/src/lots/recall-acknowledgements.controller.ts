import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProgrammeAlertsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { RecallAcknowledgementDto } from './dto/recall-acknowledgement.dto.js';
import { RecallAcknowledgementResultDto } from './dto/recall-acknowledgement-result.dto.js';

/**
 * A receiving organization says it has acted on a recall that reached its lots; until it does, the
 * programme office of the recalling cooperative sees a "recall not acknowledged" alert.
 */
@ApiTags('recalls')
@ApiBearerAuth()
@Controller('api/v1/recalls')
export class RecallAcknowledgementsController {
  constructor(private readonly alerts: ProgrammeAlertsService) {}

  /** Acknowledging again answers the first acknowledgement (ReplayWith). */
  replay(caller: Caller, recallId: string) {
    return this.alerts.acknowledge(caller, recallId);
  }

  @Put(':recallId/acknowledgement')
  @ReplayWith('replay', { param: 'recallId' })
  @ApiOperation({ summary: 'Acknowledge a recall that reached this organization’s lots (idempotent; 404 when none did)' })
  @ApiOkResponse({ type: RecallAcknowledgementResultDto })
  @ApiErrors(400, 404, 422)
  acknowledge(@CurrentCaller() caller: Caller, @Param('recallId') recallId: string, @Body() body: RecallAcknowledgementDto) {
    return this.alerts.acknowledge(caller, recallId, body.note);
  }
}
