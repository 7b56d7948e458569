import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProgrammeReportsService, type Caller, type ReportFormat } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { ProgrammeReportDto, ProgrammeReportRequestDto, ProgrammeReportsDto } from './dto/index.js';

const OFFICE_ONLY = ApiResponse({ status: 403, description: 'PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office' });

/**
 * The monthly province report: requested here, rendered by the worker as XLSX and PDF with progress
 * (README, "Programme office", Reports).
 */
@ApiTags('programme')
@ApiBearerAuth()
@Controller('api/v1/programme/reports')
export class ProgrammeReportsController {
  constructor(private readonly reports: ProgrammeReportsService) {}

  @Post()
  @ReplayWith('get', 'created')
  @HttpCode(202)
  @ApiOperation({ summary: 'Request the monthly report of a month: 202 with the report, then poll it for progress; any past month can be made again with the same figures' })
  @ApiAcceptedResponse({ type: ProgrammeReportDto })
  @ApiErrors(400, 422)
  @OFFICE_ONLY
  request(@CurrentCaller() caller: Caller, @Body() body: ProgrammeReportRequestDto) {
    return this.reports.request(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'The office’s latest reports, newest first' })
  @ApiOkResponse({ type: ProgrammeReportsDto })
  @OFFICE_ONLY
  list(@CurrentCaller() caller: Caller) {
    return this.reports.list(caller);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgrammeReportDto })
  @ApiErrors(400, 404)
  @OFFICE_ONLY
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.reports.get(caller, id);
  }

  @Get(':id/report.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The report as a workbook: one sheet per table, Vietnamese headers' })
  @ApiConflictResponse({ description: 'REPORT_NOT_READY before the report is done' })
  @ApiErrors(400, 404)
  xlsx(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.download(caller, id, 'xlsx', reply);
  }

  @Get(':id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report as an A4 PDF in Vietnamese' })
  @ApiConflictResponse({ description: 'REPORT_NOT_READY before the report is done' })
  @ApiErrors(400, 404)
  pdf(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.download(caller, id, 'pdf', reply);
  }

  private async download(caller: Caller, id: string, format: ReportFormat, reply: FastifyReply) {
    const file = await this.reports.file(caller, id, format);
    void reply.header('etag', `"${file.sha256}"`).header('cache-control', 'private, max-age=0, must-revalidate');
    return new StreamableFile(file.stream, { type: file.contentType, length: file.size, disposition: `attachment; filename="${file.filename}"` });
  }
}
