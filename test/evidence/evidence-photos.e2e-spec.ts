import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { addUser, createLotTestSetup, signupOrganization, startTestApp, type LotTestSetup, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const binary = (res: request.Response, cb: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Evidence photos of growing areas and harvests (issue 15): re-encoded to web size without EXIF or the
 * phone's GPS, stored through the evidence photo storage, read by the organization's staff only.
 */
describe('evidence photos of growing areas and harvest lots', () => {
  let t: TestApp;
  let org: TestOrganization;
  let s: LotTestSetup;
  let lotId: string;
  let jpeg: Buffer;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    org = await signupOrganization(t.server);
    s = await createLotTestSetup(t.dataSource, org.organizationId);
    lotId = (await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' }).expect(201)).body.id;
    const noise = Buffer.alloc(3000 * 2000 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    jpeg = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'BI-MAT-EXIF', ImageDescription: 'GPS 21.38N 103.01E' } })
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM evidence_photo WHERE organization_id = $1`, [org.organizationId]))[0].n);

  it.each([
    ['growing area', () => `/api/v1/growing-areas/${s.areaId}`],
    ['harvest lot', () => `/api/v1/lots/${lotId}`],
  ])('adds a photo of a %s from a file, resized, without EXIF, readable by staff only', async (_kind, base) => {
    expect(jpeg.includes(Buffer.from('BI-MAT-EXIF'))).toBe(true);
    const added = await request(t.server).post(`${base()}/photos?caption=${encodeURIComponent('Góc đông bắc')}`).set(org.auth).set('content-type', 'image/jpeg').send(jpeg).expect(201);
    expect(added.body).toMatchObject({ caption: 'Góc đông bắc', uploadedBy: org.userId, width: 1280 });
    expect(added.body.sizeBytes).toBeLessThanOrEqual(200 * 1024);
    expect(added.body.imageUrl).toBe(`${base()}/photos/${added.body.id}/image`);
    const listed = await request(t.server).get(`${base()}/photos`).set(org.auth).expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(added.body.id);

    for (const [size, width] of [['full', 1280], ['thumb', 192]] as const) {
      const image = await request(t.server).get(`${added.body.imageUrl}?size=${size}`).set(org.auth).buffer(true).parse(binary).expect(200);
      expect(image.headers['content-type']).toBe('image/webp');
      expect(image.headers['cache-control']).toContain('private');
      const bytes = image.body as Buffer;
      expect(bytes.includes(Buffer.from('BI-MAT-EXIF'))).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width });
      expect(meta.exif).toBeUndefined();
    }
    // Not on the public photo route (another storage), not without a session, not for another organization.
    const [{ key }] = await t.dataSource.query(`SELECT photo_key AS key FROM evidence_photo WHERE id = $1`, [added.body.id]);
    await request(t.server).get(`/ocop/photos/${key}`).expect(404);
    await request(t.server).get(added.body.imageUrl).expect(401);
    const other = await signupOrganization(t.server);
    await request(t.server).get(added.body.imageUrl).set(other.auth).expect(404);
    await request(t.server).get(`${base()}/photos`).set(other.auth).expect(404);
    await request(t.server).post(`${base()}/photos`).set(other.auth).set('content-type', 'image/jpeg').send(jpeg).expect(404);
  });

  it('refuses what is not a photo, too large or of another type, with coded errors naming the field, and writes nothing', async () => {
    const before = await rows();
    const post = (type: string, body: Buffer | string) => request(t.server).post(`/api/v1/growing-areas/${s.areaId}/photos`).set(org.auth).set('content-type', type).send(body);
    const notImage = await post('image/jpeg', Buffer.from('not an image at all')).expect(400);
    expect([notImage.body.code, notImage.body.details.field]).toEqual(['PHOTO_UNREADABLE', 'photo']);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#080' } }).gif().toBuffer();
    const wrongType = await post('image/jpeg', gif).expect(422);
    expect([wrongType.body.code, wrongType.body.details.field]).toEqual(['PHOTO_TYPE_UNSUPPORTED', 'photo']);
    const json = await request(t.server).post(`/api/v1/growing-areas/${s.areaId}/photos`).set(org.auth).send({ photo: 'x' }).expect(400);
    expect([json.body.code, json.body.details.field]).toEqual(['PHOTO_TYPE_UNSUPPORTED', 'photo']);
    const big = await post('image/jpeg', Buffer.alloc(13 * 1024 * 1024, 1));
    expect([413, 422]).toContain(big.status);
    expect(big.body.code).toMatch(/^(PHOTO_TOO_LARGE|PAYLOAD_TOO_LARGE)$/);
    const caption = await request(t.server).post(`/api/v1/growing-areas/${s.areaId}/photos?caption=${'x'.repeat(201)}`).set(org.auth).set('content-type', 'image/jpeg').send(jpeg).expect(400);
    expect([caption.body.code, caption.body.details.field]).toEqual(['VALIDATION_FAILED', 'caption']);
    await request(t.server).get(`/api/v1/growing-areas/${s.areaId}/photos/not-an-id/image`).set(org.auth).expect(400);
    expect(await rows()).toBe(before);
    // A viewer reads, but does not add.
    const viewer = await addUser(t.server, org, 'viewer');
    await request(t.server).get(`/api/v1/growing-areas/${s.areaId}/photos`).set(viewer.auth).expect(200);
    expect((await post('image/jpeg', jpeg).set(viewer.auth).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
  });

  it('adds one photo for a double-tapped upload with the same Idempotency-Key', async () => {
    const before = await rows();
    const send = () => request(t.server).post(`/api/v1/lots/${lotId}/photos`).set(org.auth).set('Idempotency-Key', `photo-${lotId}`).set('content-type', 'image/jpeg').send(jpeg);
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await rows()).toBe(before + 1);
  });
});
