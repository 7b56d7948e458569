import { Body, Controller, Get, Headers, HttpCode, Options, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaptureService, EPCIS_CAPTURE_EVENT_LIMIT, EPCIS_CAPTURE_FILE_SIZE_LIMIT, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { CaptureJobDto, CaptureJobListDto, CaptureListQueryDto } from './dto/index.js';

const CAPTURE_PATH = '/api/v1/epcis/capture';

/** The headers of every capture answer: the EPCIS and CBV versions and the capture limits. */
function advertise(reply: FastifyReply): void {
  void reply.header('GS1-EPCIS-Version', '2.0.0');
  void reply.header('GS1-CBV-Version', '2.0.0');
  void reply.header('GS1-EPCIS-Capture-Limit', String(EPCIS_CAPTURE_EVENT_LIMIT));
  void reply.header('GS1-EPCIS-Capture-File-Size-Limit', String(EPCIS_CAPTURE_FILE_SIZE_LIMIT));
}

/**
 * The EPCIS 2.0 capture interface (GS1 EPCIS 2.0 REST binding), beside the query interface
 * (`GET /api/v1/epcis/events`): a partner's system posts an EPCISDocument, answered 202 with the
 * Location of a capture job that the worker runs (docs/public-contract.md#epcis-capture).
 */
@ApiTags('epcis')
@ApiBearerAuth()
@Controller('api/v1/epcis/capture')
export class EpcisCaptureController {
  constructor(private readonly captures: CaptureService) {}

  @Options()
  @HttpCode(204)
  @ApiOperation({ summary: 'The capture limits, in GS1-EPCIS-Capture-Limit and GS1-EPCIS-Capture-File-Size-Limit' })
  options(@Res({ passthrough: true }) reply: FastifyReply) {
    advertise(reply);
    void reply.header('allow', 'GET, POST, OPTIONS');
  }

  @Post()
  @ReplayWith('job', 'created')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Capture an EPCISDocument (JSON-LD): queued as a capture job whose URL is in Location',
    description:
      'Body: an EPCIS 2.0 EPCISDocument (application/json or application/ld+json), checked against GS1’s EPCIS JSON Schema (400 EPCIS_DOCUMENT_INVALID). ' +
      `At most ${EPCIS_CAPTURE_EVENT_LIMIT} events and ${EPCIS_CAPTURE_FILE_SIZE_LIMIT} bytes (413 EPCIS_CAPTURE_TOO_MANY_EVENTS, EPCIS_CAPTURE_TOO_LARGE). ` +
      'GS1-Capture-Error-Behaviour: rollback (default: nothing is recorded if one event is refused) or proceed (refused events are listed, the others recorded).',
  })
  @ApiConsumes('application/ld+json', 'application/json')
  @ApiHeader({ name: 'GS1-Capture-Error-Behaviour', required: false, enum: ['rollback', 'proceed'] })
  @ApiAcceptedResponse({ type: CaptureJobDto })
  @ApiErrors(400, 413)
  async capture(
    @CurrentCaller() caller: Caller,
    @Body() document: Record<string, unknown>,
    @Headers('gs1-capture-error-behaviour') behaviour: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    advertise(reply);
    const length = Number(request.headers['content-length']);
    const bytes = Number.isFinite(length) && length > 0 ? length : Buffer.byteLength(JSON.stringify(document ?? null));
    const job = await this.captures.submit(caller, document, bytes, behaviour);
    void reply.header('location', `${CAPTURE_PATH}/${job.captureID}`);
    return job;
  }

  /** A capture job's answer, read back (ReplayWith). */
  job(caller: Caller, id: string) {
    return this.captures.get(caller, id);
  }

  @Get()
  @ApiOperation({ summary: 'The organization’s capture jobs, newest first' })
  @ApiOkResponse({ type: CaptureJobListDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: CaptureListQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    advertise(reply);
    return { items: await this.captures.list(caller, query.limit) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A capture job: its state, counts and the reason of every refused event' })
  @ApiOkResponse({ type: CaptureJobDto })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    advertise(reply);
    return this.captures.get(caller, id);
  }
}
