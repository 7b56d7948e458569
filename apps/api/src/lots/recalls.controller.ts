import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RECALL_SYNC_LIMIT, RecallJobsService, RecallOperation, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { RecallDto, RecallJobDto, RecallResultDto } from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

const JOBS_PATH = '/api/v1/recall-jobs';

@ApiTags('recalls')
@ApiBearerAuth()
@Controller('api/v1')
export class RecallsController {
  constructor(
    private readonly recalls: RecallOperation,
    private readonly jobs: RecallJobsService,
  ) {}

  /** A recall's answer, read back from its event (ReplayWith). */
  replay(caller: Caller, eventId: string) {
    return this.recalls.result(caller, eventId);
  }

  @Post('recalls')
  @ReplayWith('replay', 'event')
  @ApiOperation({
    summary: 'Recall a lot: it and every downstream lot (also in receiving organizations) become recalled',
    description: `A lot with up to ${RECALL_SYNC_LIMIT} lots downstream in this organization is recalled at once (201). Beyond, the recall is a worker job: 202 with the job (Location: ${JOBS_PATH}/{id}).`,
  })
  @ApiCreatedResponse({ type: RecallResultDto })
  @ApiAcceptedResponse({ type: RecallJobDto })
  async recall(@CurrentCaller() caller: Caller, @Body() body: RecallDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const reachable = await this.jobs.reach(caller, body.lotId);
    if (reachable <= RECALL_SYNC_LIMIT) return this.recalls.run(caller, body);
    const job = await this.jobs.queue(caller, body, reachable);
    void reply.status(202).header('location', `${JOBS_PATH}/${job.id}`);
    return job;
  }

  @Post('recall-jobs')
  @ReplayWith('job', 'created')
  @HttpCode(202)
  @ApiOperation({ summary: 'Recall a lot in the worker, whatever its reach: poll the job (Location) for its progress and answer' })
  @ApiAcceptedResponse({ type: RecallJobDto })
  @ApiErrors(404, 422)
  async queue(@CurrentCaller() caller: Caller, @Body() body: RecallDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const job = await this.jobs.queue(caller, body);
    void reply.header('location', `${JOBS_PATH}/${job.id}`);
    return job;
  }

  /** A recall job, read back (ReplayWith). */
  job(caller: Caller, id: string) {
    return this.jobs.get(caller, id);
  }

  @Get('recall-jobs/:id')
  @ApiOperation({ summary: 'A recall job: its state, the lots marked so far and, when done, the recall’s answer' })
  @ApiOkResponse({ type: RecallJobDto })
  @ApiErrors(404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.jobs.get(caller, id);
  }
}
