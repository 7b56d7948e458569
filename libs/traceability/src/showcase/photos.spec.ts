import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { DomainException } from '../common/domain.exception.js';
import { PHOTO_MAX_BYTES, preparePhoto } from './photos.js';

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return error instanceof DomainException ? error.code : String(error);
  }
}

describe('preparePhoto', () => {
  it('re-encodes a large noisy photo to WebP within 30 KB, 640 px, upright, without its EXIF', async () => {
    const noise = Buffer.alloc(1200 * 1600 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    // Portrait taken sideways: orientation 6 turns it upright.
    const jpeg = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).withExifMerge({ IFD0: { Copyright: 'GPS-SECRET' } }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const photo = await preparePhoto(jpeg);
    expect(photo.photo.length).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
    expect(photo.thumb.length).toBeLessThanOrEqual(8 * 1024);
    expect(photo.photo.includes(Buffer.from('GPS-SECRET'))).toBe(false);
    const meta = await sharp(photo.photo).metadata();
    expect(meta).toMatchObject({ format: 'webp' });
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(640);
    expect(meta.height! > meta.width!).toBe(true);
    expect(photo.key).toMatch(/^[0-9a-f]{64}\.webp$/);
  });

  it('refuses what is not a photo of a known kind, with a code', async () => {
    expect(await codeOf(preparePhoto(Buffer.alloc(0)))).toBe('PHOTO_UNREADABLE');
    expect(await codeOf(preparePhoto(Buffer.from('%PDF-1.7 not an image')))).toBe('PHOTO_UNREADABLE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(await codeOf(preparePhoto(svg))).toBe('PHOTO_TYPE_UNSUPPORTED');
    expect(await codeOf(preparePhoto(Buffer.alloc(13 * 1024 * 1024, 1)))).toBe('PHOTO_TOO_LARGE');
  });
});
