import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ALL_IMPORT_KIND_NAMES, ImportFileException, ImportKinds, ImportsService, type Caller, type ImportKindName } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { CommitImportDto, ImportDto, ImportKindDto, TemplateQueryDto, UPLOAD_TYPES, UploadQueryDto, XLSX_TYPE } from './dto/index.js';
import { shapeCheckFor } from './import-shapes.js';

const KIND_PARAM = { name: 'kind', enum: ALL_IMPORT_KIND_NAMES, example: 'partners' };
const FILE_ERRORS =
  'IMPORT_FILE_TOO_LARGE, IMPORT_FILE_TYPE (not XLSX/CSV, or an old .xls), IMPORT_FILE_ENCRYPTED (password-protected), IMPORT_FILE_CORRUPT, ' +
  'IMPORT_FILE_EMPTY, IMPORT_TOO_MANY_ROWS, IMPORT_HEADER_NOT_FOUND, IMPORT_COLUMNS_MISSING: details.field is "file"; nothing is written';

/**
 * Spreadsheet imports: templates, upload with a dry run, commit as a worker job, the annotated file.
 * Rows are checked with the API's own request rules and the registry services (README, "Imports").
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly kinds: ImportKinds,
  ) {}

  @Get('kinds')
  @ApiOperation({ summary: 'What can be imported: each kind with its columns (Vietnamese and English headers, required, allowed values)' })
  @ApiOkResponse({ type: ImportKindDto, isArray: true })
  list() {
    return this.kinds.all().map((kind) => ({
      name: kind.name,
      titleVi: kind.titleVi,
      titleEn: kind.titleEn,
      columns: kind.columns.map((c) => ({ key: c.key, vi: c.vi, en: c.en, required: !!c.required, ...(c.allowed ? { allowed: c.allowed } : {}) })),
    }));
  }

  @Get('templates/:kind')
  @ApiOperation({ summary: 'The XLSX template of a kind: headers (required ones marked *), hints, example rows and allowed values' })
  @ApiParam(KIND_PARAM)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async template(@Param('kind') kind: string, @Query() query: TemplateQueryDto) {
    const file = await this.imports.template(kind, query.lang ?? 'vi');
    return new StreamableFile(file.bytes, { type: XLSX_TYPE, disposition: `attachment; filename="${file.fileName}"` });
  }

  @Post(':kind')
  @ReplayWith('get', 'created')
  @ApiOperation({
    summary: 'Upload a spreadsheet (XLSX or CSV, the file’s bytes as the body) and dry-run it: every row is checked, nothing is imported yet',
    description: `Send the file as the request body with its content type (${UPLOAD_TYPES.join(', ')}). The same file uploaded again answers the import it made (alreadyUploaded: true). Whole-file refusals (400): ${FILE_ERRORS}.`,
  })
  @ApiParam(KIND_PARAM)
  @ApiConsumes(...UPLOAD_TYPES)
  @ApiBody({ description: 'The file’s bytes', required: true, schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportDto })
  @ApiErrors(400, 404)
  async upload(@CurrentCaller() caller: Caller, @Param('kind') kind: string, @Query() query: UploadQueryDto, @Req() request: FastifyRequest) {
    const body = request.body;
    if (!Buffer.isBuffer(body)) {
      throw new ImportFileException('IMPORT_FILE_TYPE', `send the file's bytes as the body, with Content-Type ${XLSX_TYPE} or text/csv`);
    }
    const fileName = query.fileName ?? (body.subarray(0, 2).toString('latin1') === 'PK' ? 'import.xlsx' : 'import.csv');
    const known = this.kinds.get(kind);
    const { created, view } = await this.imports.upload(caller, known.name, fileName, body, shapeCheckFor(known.name as ImportKindName));
    return { ...view, alreadyUploaded: !created };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: the dry run’s counts and row errors, the commit’s state and progress' })
  @ApiOkResponse({ type: ImportDto })
  @ApiErrors(400, 404)
  async get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return { ...(await this.imports.get(caller, id)), alreadyUploaded: false };
  }

  @Post(':id/commit')
  @ReplayWith('get', { param: 'id' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Import the rows: queued as a worker job; poll the import for its progress' })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiErrors(400, 404, 422)
  async commit(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: CommitImportDto) {
    return { ...(await this.imports.requestCommit(caller, id, body)), alreadyUploaded: false };
  }

  @Get(':id/annotated.xlsx')
  @ApiOperation({ summary: 'The uploaded rows with an error column naming each problem; fix them there and upload the file again' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async annotated(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    const file = await this.imports.annotated(caller, id);
    return new StreamableFile(file.bytes, { type: XLSX_TYPE, disposition: `attachment; filename="${encodeURIComponent(file.fileName)}"` });
  }
}
