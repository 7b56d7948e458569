import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException, PostersService, PublicProfileService, ShowcaseRepository, type Caller, type PublicProfile } from '@app/traceability';
import { CurrentCaller, MinRole } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { CreatePosterDto, PHOTO_CONTENT_TYPES, PosterDto, ProductPhotoDto, PublicProfileDto, UpdatePublicProfileDto } from './public-profile.dto.js';

const PHOTO_BODY = { description: 'The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most)', required: true, schema: { type: 'string', format: 'binary' } };
const PHOTO_ERRORS = 'PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"); it is stored re-encoded to WebP (≤ 30 KB, 640 px) without EXIF/GPS.';

function photoBytes(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) {
    throw new DomainException('PHOTO_TYPE_UNSUPPORTED', `photo: send the photo's bytes as the body, with Content-Type ${PHOTO_CONTENT_TYPES.join(', ')}`, 'bad_request', { field: 'photo' });
  }
  return request.body;
}

/**
 * The organization's public profile for the province's OCOP showcase (issue 20) and its photos and
 * its products' photos (issue 15): what its public producer page shows, edited by its admins.
 */
@ApiTags('showcase')
@ApiBearerAuth()
@Controller('api/v1')
export class PublicProfileController {
  constructor(
    private readonly profiles: PublicProfileService,
    private readonly showcase: ShowcaseRepository,
    private readonly posters: PostersService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  private photo(key: string | null) {
    if (!key) return null;
    const base = `${this.config.publicBaseUrl}/ocop/photos/`;
    return { key, url: `${base}${key}`, thumbUrl: `${base}${key.replace(/\.webp$/, '-t.webp')}` };
  }

  private async answer(caller: Caller, profile: PublicProfile) {
    const [products, [listed]] = await Promise.all([this.profiles.products(caller), this.showcase.producers(null, caller.organizationId)]);
    const { photoKeys, ...rest } = profile;
    return {
      ...rest,
      photos: photoKeys.map((key) => this.photo(key)!),
      products: products.map(({ photoKey, ...product }) => ({ ...product, photo: this.photo(photoKey) })),
      pageUrl: listed ? `${this.config.publicBaseUrl}/ocop/${listed.provinceCode}/producers/${caller.organizationId}` : null,
    };
  }

  @Get('organization/public-profile')
  @ApiOperation({ summary: 'The organization’s public profile (showcase): story, public contacts, links, visit info, photos, product photos' })
  @ApiOkResponse({ type: PublicProfileDto })
  async get(@CurrentCaller() caller: Caller) {
    return this.answer(caller, await this.profiles.get(caller));
  }

  @Put('organization/public-profile')
  @ReplayWith('get', 'organization')
  @MinRole('admin')
  @ApiOperation({ summary: 'Change the public profile (admins); `listed: true` shows the organization in its province’s OCOP catalogue' })
  @ApiOkResponse({ type: PublicProfileDto })
  @ApiErrors(400, 422)
  async update(@CurrentCaller() caller: Caller, @Body() body: UpdatePublicProfileDto) {
    return this.answer(caller, await this.profiles.update(caller, body));
  }

  @Post('organization/public-profile/photos')
  @ReplayWith('get', 'organization')
  @MinRole('admin')
  @ApiOperation({ summary: 'Add a photo of the organization (6 at most)', description: PHOTO_ERRORS })
  @ApiConsumes(...PHOTO_CONTENT_TYPES)
  @ApiBody(PHOTO_BODY)
  @ApiOkResponse({ type: PublicProfileDto })
  @ApiErrors(400, 422)
  async addPhoto(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest) {
    return this.answer(caller, await this.profiles.addPhoto(caller, photoBytes(request)));
  }

  @Delete('organization/public-profile/photos/:photoKey')
  @ReplayWith('get', 'organization')
  @MinRole('admin')
  @ApiOperation({ summary: 'Remove a photo of the organization' })
  @ApiOkResponse({ type: PublicProfileDto })
  @ApiErrors(404)
  async removePhoto(@CurrentCaller() caller: Caller, @Param('photoKey') key: string) {
    return this.answer(caller, await this.profiles.removePhoto(caller, key));
  }

  @Get('products/:id/photo')
  @ApiOperation({ summary: 'The product’s photo (shown on its public pages)' })
  @ApiOkResponse({ type: ProductPhotoDto })
  @ApiErrors(400, 404)
  async productPhoto(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    const { productId, photoKey } = await this.profiles.productPhoto(caller, id);
    return { productId, photo: this.photo(photoKey) };
  }

  @Put('products/:id/photo')
  @ReplayWith('productPhoto', { param: 'id' })
  @ApiOperation({ summary: 'Set the product’s photo (from the phone’s camera or a file)', description: PHOTO_ERRORS })
  @ApiConsumes(...PHOTO_CONTENT_TYPES)
  @ApiBody(PHOTO_BODY)
  @ApiOkResponse({ type: ProductPhotoDto })
  @ApiErrors(400, 404, 422)
  async setProductPhoto(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Req() request: FastifyRequest) {
    await this.profiles.productPhoto(caller, id); // another organization's product: 404 before the body is looked at
    const { productId, photoKey } = await this.profiles.setProductPhoto(caller, id, photoBytes(request));
    return { productId, photo: this.photo(photoKey) };
  }

  @Delete('products/:id/photo')
  @ReplayWith('productPhoto', { param: 'id' })
  @ApiOperation({ summary: 'Remove the product’s photo' })
  @ApiOkResponse({ type: ProductPhotoDto })
  @ApiErrors(400, 404)
  async removeProductPhoto(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    await this.profiles.removeProductPhoto(caller, id);
    return { productId: id, photo: null };
  }

  @Get('organization/public-profile/posters/:posterId')
  @ApiOperation({ summary: 'A QR poster: queued, done or failed' })
  @ApiOkResponse({ type: PosterDto })
  @ApiErrors(404)
  poster(@CurrentCaller() caller: Caller, @Param('posterId') id: string) {
    return this.posters.status(caller, id);
  }

  @Post('organization/public-profile/posters')
  @HttpCode(202)
  @ReplayWith('poster', 'created')
  @MinRole('admin')
  @ApiOperation({
    summary: 'Make a QR poster (PDF, A4 or A5) that opens the producer page, for the stall or the homestay; rendered by the worker',
    description: 'SHOWCASE_NOT_LISTED (422) until the organization appears in its province’s catalogue. The same content asked again answers the same poster.',
  })
  @ApiAcceptedResponse({ type: PosterDto })
  @ApiErrors(400, 422)
  createPoster(@CurrentCaller() caller: Caller, @Body() body: CreatePosterDto) {
    return this.posters.request(caller, body.size, body.lang);
  }

  @Get('organization/public-profile/posters/:posterId/pdf')
  @ApiOperation({ summary: 'Download a QR poster once done' })
  @ApiProduces('application/pdf')
  @ApiErrors(404)
  async posterPdf(@CurrentCaller() caller: Caller, @Param('posterId') id: string) {
    const file = await this.posters.open(caller, id);
    return new StreamableFile(file.stream, { type: 'application/pdf', length: file.size, disposition: `attachment; filename="ocop-poster-${id.slice(0, 5)}.pdf"` });
  }
}
