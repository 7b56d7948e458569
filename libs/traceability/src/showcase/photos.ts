import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DomainException } from '../common/domain.exception.js';

/** What a phone or camera sends: up to 12 MB and 40 megapixels; the stored photo is far smaller. */
export const PHOTO_UPLOAD_MAX_BYTES = 12 * 1024 * 1024;
const MAX_INPUT_PIXELS = 40_000_000;
export const PHOTO_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'] as const;
const READABLE_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif']);

/** The web size shown on a phone: at most 640 px wide and 30 KB (issue 15); the card thumbnail 192 px and 8 KB. */
export const PHOTO_MAX_BYTES = 30 * 1024;
const THUMB_MAX_BYTES = 8 * 1024;

export interface PreparedPhoto {
  /** `<sha256>.webp`; the thumbnail is under `<sha256>-t.webp`. */
  key: string;
  thumbKey: string;
  photo: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded photo to WebP at web sizes: turned upright by its EXIF orientation, then
 * every metadata block (EXIF with GPS, XMP, IPTC, ICC) left out — sharp writes none unless asked. The
 * quality steps down until the file fits its budget. A file that is not an image of a known format is
 * refused with a code naming the field.
 */
/** Evidence photos (a field, a harvest) are read by an inspector on a screen: larger than a shop window's. */
export const EVIDENCE_PHOTO_SIZE = { width: 1280, maxBytes: 200 * 1024 };

export async function preparePhoto(bytes: Buffer, field = 'photo', size: { width: number; maxBytes: number } = { width: 640, maxBytes: PHOTO_MAX_BYTES }): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw new DomainException('PHOTO_UNREADABLE', `${field}: the file is empty`, 'bad_request', { field });
  if (bytes.length > PHOTO_UPLOAD_MAX_BYTES) {
    throw new DomainException('PHOTO_TOO_LARGE', `${field}: a photo may be at most ${PHOTO_UPLOAD_MAX_BYTES / 1024 / 1024} MB, got ${(bytes.length / 1024 / 1024).toFixed(1)} MB`, 'validation', {
      field,
      maxBytes: PHOTO_UPLOAD_MAX_BYTES,
    });
  }
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch (error) {
    const tooBig = /pixel limit/i.test((error as Error).message);
    throw new DomainException(tooBig ? 'PHOTO_TOO_LARGE' : 'PHOTO_UNREADABLE', `${field}: ${tooBig ? `more than ${MAX_INPUT_PIXELS / 1e6} megapixels` : 'not a readable image'}`, tooBig ? 'validation' : 'bad_request', { field });
  }
  if (!format || !READABLE_FORMATS.has(format)) {
    throw new DomainException('PHOTO_TYPE_UNSUPPORTED', `${field}: send a JPEG, PNG, WebP, HEIC or AVIF photo, got ${format ?? 'an unknown format'}`, 'validation', { field, format: format ?? null });
  }
  try {
    const photo = await fit(bytes, size.width, size.maxBytes);
    const thumb = await fit(bytes, 192, THUMB_MAX_BYTES);
    const hash = createHash('sha256').update(photo.data).digest('hex');
    return { key: `${hash}.webp`, thumbKey: `${hash}-t.webp`, photo: photo.data, thumb: thumb.data, width: photo.width, height: photo.height };
  } catch (error) {
    if (error instanceof DomainException) throw error;
    throw new DomainException('PHOTO_UNREADABLE', `${field}: the image could not be decoded`, 'bad_request', { field });
  }
}

async function fit(bytes: Buffer, width: number, budget: number): Promise<{ data: Buffer; width: number; height: number }> {
  let last: { data: Buffer; width: number; height: number } | undefined;
  for (const [scale, quality] of [[1, 72], [1, 60], [1, 48], [0.8, 45], [0.65, 40], [0.5, 35]] as const) {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: Math.round(width * scale), height: Math.round(width * scale), fit: 'inside', withoutEnlargement: true })
      .webp({ quality, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    last = { data, width: info.width, height: info.height };
    if (data.length <= budget) return last;
  }
  return last!;
}
