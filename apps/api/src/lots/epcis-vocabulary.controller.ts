import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { epcisVocabularyHtml, epcisVocabularyJsonLd } from '@app/traceability';
import { Public } from '../common/auth.decorators.js';

/** The `nguon:` namespace of the EPCIS exports resolves to a description of its terms. */
@ApiTags('epcis')
@Public()
@Controller('ns')
export class EpcisVocabularyController {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>) {}

  @Get('epcis')
  @ApiOperation({ summary: 'The EPCIS extension terms (nguon:…): HTML, or JSON-LD with Accept: application/ld+json or ?format=jsonld' })
  @ApiProduces('text/html', 'application/ld+json')
  vocabulary(@Headers('accept') accept: string | undefined, @Query('format') format: string | undefined, @Res() reply: FastifyReply): void {
    const jsonLd = format === 'jsonld' || /application\/(ld\+)?json/.test(accept ?? '');
    void reply
      .headers({ 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=86400', vary: 'Accept' })
      .type(jsonLd ? 'application/ld+json; charset=utf-8' : 'text/html; charset=utf-8')
      .send(jsonLd ? JSON.stringify(epcisVocabularyJsonLd(this.config.publicBaseUrl)) : epcisVocabularyHtml(this.config.publicBaseUrl));
  }
}
