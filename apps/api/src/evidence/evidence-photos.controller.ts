import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, EvidencePhotosService, type Caller, type EvidencePhoto, type EvidenceSubject } from '@app/traceability';
import { CurrentCaller } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { ApiErrors } from '../registry/common/registry.dto.js';
import { PHOTO_CONTENT_TYPES } from '../showcase/public-profile.dto.js';
import { EvidencePhotoDto, EvidencePhotoImageQueryDto, EvidencePhotoListDto, EvidencePhotoUploadQueryDto } from './dto/index.js';

const PHOTO_BODY = { description: 'The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most), from the phone’s camera or a file', required: true, schema: { type: 'string', format: 'binary' } };
const PHOTO_ERRORS =
  'PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"), PHOTO_LIMIT_REACHED (20 each). Stored re-encoded to WebP (≤ 1280 px, ≤ 200 KB) without EXIF, GPS or any other metadata; staff only, never on a public page.';
const PATHS = { growingArea: 'growing-areas', lot: 'lots' } as const;

function photoBytes(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) {
    throw new DomainException('PHOTO_TYPE_UNSUPPORTED', `photo: send the photo's bytes as the body, with Content-Type ${PHOTO_CONTENT_TYPES.join(', ')}`, 'bad_request', { field: 'photo' });
  }
  return request.body;
}

/**
 * Evidence photos (issue 15): of a growing area (the field, its markers, the crop) and of a lot (the
 * harvest), taken on a phone or uploaded from a file. The organization's staff read them; the public
 * pages never show them.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('api/v1')
export class EvidencePhotosController {
  constructor(private readonly photos: EvidencePhotosService) {}

  private answer(subject: EvidenceSubject, photo: EvidencePhoto) {
    return { ...photo, imageUrl: `/api/v1/${PATHS[subject.kind]}/${subject.id}/photos/${photo.id}/image` };
  }

  private async list(caller: Caller, subject: EvidenceSubject) {
    return { items: (await this.photos.list(caller, subject)).map((photo) => this.answer(subject, photo)) };
  }

  private async add(caller: Caller, subject: EvidenceSubject, request: FastifyRequest, caption: string | undefined) {
    await this.photos.assertSubject(caller, subject); // another organization's id: 404 before the body is looked at
    return this.answer(subject, await this.photos.add(caller, subject, photoBytes(request), caption));
  }

  private async image(caller: Caller, subject: EvidenceSubject, photoId: string, size: string | undefined, reply: FastifyReply) {
    const bytes = await this.photos.bytes(caller, subject, photoId, size === 'thumb');
    void reply.headers({ 'cache-control': 'private, max-age=86400' }).type('image/webp').send(bytes);
  }

  /** Answers a stored photo again (Idempotency-Key replays). */
  async areaPhoto(caller: Caller, photoId: string, params: { id: string }) {
    const subject: EvidenceSubject = { kind: 'growingArea', id: params.id };
    return this.answer(subject, await this.photos.get(caller, subject, photoId));
  }

  async lotPhoto(caller: Caller, photoId: string, params: { id: string }) {
    const subject: EvidenceSubject = { kind: 'lot', id: params.id };
    return this.answer(subject, await this.photos.get(caller, subject, photoId));
  }

  @Get('growing-areas/:id/photos')
  @ApiOperation({ summary: 'The growing area’s evidence photos (staff only)' })
  @ApiOkResponse({ type: EvidencePhotoListDto })
  @ApiErrors(400, 404)
  areaPhotos(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.list(caller, { kind: 'growingArea', id });
  }

  @Post('growing-areas/:id/photos')
  @ReplayWith('areaPhoto', 'created')
  @ApiOperation({ summary: 'Add an evidence photo of the growing area', description: PHOTO_ERRORS })
  @ApiConsumes(...PHOTO_CONTENT_TYPES)
  @ApiBody(PHOTO_BODY)
  @ApiCreatedResponse({ type: EvidencePhotoDto })
  @ApiErrors(400, 404, 422)
  addAreaPhoto(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: EvidencePhotoUploadQueryDto, @Req() request: FastifyRequest) {
    return this.add(caller, { kind: 'growingArea', id }, request, query.caption);
  }

  @Get('growing-areas/:id/photos/:photoId/image')
  @ApiOperation({ summary: 'An evidence photo of the growing area (WebP)' })
  @ApiProduces('image/webp')
  @ApiErrors(400, 404)
  async areaPhotoImage(
    @CurrentCaller() caller: Caller,
    @Param('id', IdPipe) id: string,
    @Param('photoId', IdPipe) photoId: string,
    @Query() query: EvidencePhotoImageQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.image(caller, { kind: 'growingArea', id }, photoId, query.size, reply);
  }

  @Get('lots/:id/photos')
  @ApiOperation({ summary: 'The lot’s evidence photos: the harvest (staff only)' })
  @ApiOkResponse({ type: EvidencePhotoListDto })
  @ApiErrors(400, 404)
  lotPhotos(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.list(caller, { kind: 'lot', id });
  }

  @Post('lots/:id/photos')
  @ReplayWith('lotPhoto', 'created')
  @ApiOperation({ summary: 'Add an evidence photo of the lot (the harvest: bags, scale, field tag)', description: PHOTO_ERRORS })
  @ApiConsumes(...PHOTO_CONTENT_TYPES)
  @ApiBody(PHOTO_BODY)
  @ApiCreatedResponse({ type: EvidencePhotoDto })
  @ApiErrors(400, 404, 422)
  addLotPhoto(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Query() query: EvidencePhotoUploadQueryDto, @Req() request: FastifyRequest) {
    return this.add(caller, { kind: 'lot', id }, request, query.caption);
  }

  @Get('lots/:id/photos/:photoId/image')
  @ApiOperation({ summary: 'An evidence photo of the lot (WebP)' })
  @ApiProduces('image/webp')
  @ApiErrors(400, 404)
  async lotPhotoImage(
    @CurrentCaller() caller: Caller,
    @Param('id', IdPipe) id: string,
    @Param('photoId', IdPipe) photoId: string,
    @Query() query: EvidencePhotoImageQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.image(caller, { kind: 'lot', id }, photoId, query.size, reply);
  }
}
