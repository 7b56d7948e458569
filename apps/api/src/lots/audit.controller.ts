import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AUDIT_VERIFY_SYNC_LIMIT, AuditJobsService, LotReportsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { AuditVerifyDto, AuditVerifyJobDto, LotPageQueryDto, YieldOverrideListDto } from './dto/index.js';

const JOBS_PATH = '/api/v1/audit/verify-jobs';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditController {
  constructor(
    private readonly auditJobs: AuditJobsService,
    private readonly reports: LotReportsService,
  ) {}

  @Get('audit/verify')
  @ApiOperation({
    summary: 'Recompute the organization’s event hash chain and report the first broken event',
    description: `A chain of up to ${AUDIT_VERIFY_SYNC_LIMIT} events answers 200 at once; a longer one answers 202 with a verification job (Location: ${JOBS_PATH}/{id}) run by the worker.`,
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  @ApiAcceptedResponse({ type: AuditVerifyJobDto })
  async verify(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.auditJobs.verifyOrQueue(caller);
    if ('result' in answer) return answer.result;
    void reply.status(202).header('location', `${JOBS_PATH}/${answer.job.id}`);
    return answer.job;
  }

  @Post('audit/verify-jobs')
  @ReplayWith('verifyJob', 'created')
  @HttpCode(202)
  @ApiOperation({ summary: 'Verify the hash chain in the worker, whatever its length: poll the job (Location) for its progress and result' })
  @ApiAcceptedResponse({ type: AuditVerifyJobDto })
  async queueVerify(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const job = await this.auditJobs.queue(caller);
    void reply.header('location', `${JOBS_PATH}/${job.id}`);
    return job;
  }

  /** A verification job, read back (ReplayWith). */
  verifyJob(caller: Caller, id: string) {
    return this.auditJobs.get(caller, id);
  }

  @Get('audit/verify-jobs/:id')
  @ApiOperation({ summary: 'A chain verification job: its state, progress and, when done, the verification' })
  @ApiOkResponse({ type: AuditVerifyJobDto })
  @ApiErrors(404)
  verifyJobState(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.auditJobs.get(caller, id);
  }

  @Get('reports/yield-overrides')
  @ApiOperation({ summary: 'Harvests accepted above the plausible season yield with a reason (a programme office sees its province)' })
  @ApiOkResponse({ type: YieldOverrideListDto })
  yieldOverrides(@CurrentCaller() caller: Caller, @Query() query: LotPageQueryDto) {
    return this.reports.yieldOverrides(caller, query);
  }
}
