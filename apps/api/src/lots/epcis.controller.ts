import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExportsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { ReadsFromReplica } from '../common/replica-reads.interceptor.js';
import { EpcisQueryDto } from './dto/index.js';

/** The EPCIS 2.0 query interface (`GET /events`) over this organization's events, as JSON-LD. */
@ApiTags('epcis')
@ApiBearerAuth()
@Controller('api/v1/epcis')
export class EpcisController {
  constructor(private readonly exports: ExportsService) {}

  @Get('events')
  @ReadsFromReplica('fresh')
  @ApiOperation({ summary: 'EPCISQueryDocument of events; the next page is in the Link rel="next" header' })
  @ApiProduces('application/ld+json')
  @ApiOkResponse({ schema: { type: 'object', description: 'EPCIS 2.0 EPCISQueryDocument (validates against GS1’s EPCIS JSON Schema)' } })
  async events(
    @CurrentCaller() caller: Caller,
    @Query() query: EpcisQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { document, nextPageToken } = await this.exports.epcisEvents(caller, query);
    void reply.header('content-type', 'application/ld+json; charset=utf-8');
    void reply.header('GS1-EPCIS-Version', '2.0.0');
    void reply.header('GS1-CBV-Version', '2.0.0');
    if (nextPageToken) {
      const url = new URL(request.url, 'http://local');
      url.searchParams.set('nextPageToken', nextPageToken);
      void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    return document;
  }
}
