import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { LabelJobsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import {
  CreateLabelJobDto,
  LabelJobDto,
  LabelJobListDto,
  LabelTemplateDto,
  ListLabelJobsQueryDto,
  toLabelJobDto,
  toLabelTemplateDto,
} from './dto/index.js';
import { ReplayWith } from '../common/replay.decorator.js';

@ApiTags('labels')
@ApiBearerAuth()
@Controller('api/v1')
export class LabelJobsController {
  constructor(private readonly labelJobs: LabelJobsService) {}

  @Get('label-templates')
  @ApiOkResponse({ description: 'Page and label geometry in millimetres', type: LabelTemplateDto, isArray: true })
  templates() {
    const items = this.labelJobs.templates().map(toLabelTemplateDto);
    return { items, total: items.length };
  }

  /** Snapshots the lot, allocates serials and queues the render; poll the job for progress. */
  @Post('label-jobs')
  @ReplayWith('get', 'created')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LabelJobDto })
  @ApiNotFoundResponse({ description: 'LOT_NOT_FOUND (also for another organization’s lot)' })
  @ApiUnprocessableEntityResponse({
    description:
      'LABEL_TEMPLATE_UNKNOWN, LABEL_COUNT_INVALID, LABEL_COUNT_TOO_LARGE, LABEL_START_POSITION_OUT_OF_RANGE, ' +
      'LABEL_OFFSET_OUT_OF_RANGE, LABEL_PAYLOAD_TOO_LONG, LOT_RECALLED, LOT_VOIDED',
  })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateLabelJobDto) {
    return toLabelJobDto(await this.labelJobs.create(caller, body));
  }

  @Get('label-jobs/:id')
  @ApiOkResponse({ type: LabelJobDto })
  async get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return toLabelJobDto(await this.labelJobs.get(caller, id));
  }

  @Get('label-jobs/:id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The rendered labels', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiConflictResponse({ description: 'LABEL_JOB_NOT_READY before the job is done; LABEL_JOB_FAILED' })
  async pdf(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.labelJobs.openPdf(caller, id);
    void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, max-age=0, must-revalidate');
    return new StreamableFile(file.stream, {
      type: 'application/pdf',
      length: file.size,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  /** One label at its real size, to check the layout before printing a whole run. */
  @Get('label-jobs/:id/preview')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'One label (the first serial) on a page of the label’s size, with its outline' })
  async preview(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    const { pdf, filename } = await this.labelJobs.preview(caller, id);
    return new StreamableFile(pdf, { type: 'application/pdf', length: pdf.length, disposition: `inline; filename="${filename}"` });
  }

  @Get('lots/:id/label-jobs')
  @ApiOkResponse({ type: LabelJobListDto })
  async listForLot(@CurrentCaller() caller: Caller, @Param('id', IdPipe) lotId: string, @Query() query: ListLabelJobsQueryDto) {
    const page = await this.labelJobs.listForLot(caller, lotId, query);
    return { items: page.items.map(toLabelJobDto), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
}
