import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createCertification, createFacility, createGrowingArea, createProduct, signupOrganization, startTestApp, type TestApp } from '@app/testing';
import { CertificationsService } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('registry: certifications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const certificationsOf = async (organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM certification WHERE organization_id = $1`, [organizationId]))[0].n);

  it('records a 4★ OCOP certification: provincial, valid 36 months from issue by default', async () => {
    const org = await signupOrganization(t.server);
    const product = await createProduct(t.server, org, { nameVi: 'Cà phê Mường Ảng' });
    const created = await request(t.server)
      .post('/api/v1/certifications')
      .set(org.auth)
      .send({ kind: 'ocop', level: 4, number: '1234/QĐ-UBND', issuer: 'UBND tỉnh Điện Biên', issuedAt: '2025-06-20', scopeType: 'product', scopeId: product.id })
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'ocop',
      level: 4,
      issuingLevel: 'provincial',
      issuedAt: '2025-06-20',
      expiresAt: '2028-06-20',
      scopeType: 'product',
      scopeId: product.id,
      valid: true,
      status: 'valid',
    });
    const [row] = await t.dataSource.query(`SELECT issuing_level, to_char(expires_at, 'YYYY-MM-DD') AS expires FROM certification WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ issuing_level: 'provincial', expires: '2028-06-20' });
  });

  it('recognises 5★ centrally, keeps a given expiry, and reports expired and not-yet-valid ones', async () => {
    const org = await signupOrganization(t.server);
    const five = await createCertification(t.server, org, { level: 5, issuedAt: '2025-01-15' });
    expect(five).toMatchObject({ issuingLevel: 'central', expiresAt: '2028-01-15', valid: true });
    const expired = await createCertification(t.server, org, { level: 3, issuedAt: '2020-03-01' });
    expect(expired).toMatchObject({ expiresAt: '2023-03-01', valid: false, status: 'expired' });
    const future = await createCertification(t.server, org, { level: 3, issuedAt: '2099-01-01' });
    expect(future).toMatchObject({ valid: false, status: 'not_yet_valid' });
    const given = await createCertification(t.server, org, { kind: 'vietgap', level: null, issuer: 'Trung tâm Chứng nhận VietGAP', issuedAt: '2025-02-01', expiresAt: '2027-02-01' });
    expect(given).toMatchObject({ kind: 'vietgap', level: null, issuingLevel: null, expiresAt: '2027-02-01', valid: true });
    const noExpiry = await createCertification(t.server, org, { kind: 'organic', level: undefined, issuedAt: '2015-01-01' });
    expect(noExpiry).toMatchObject({ expiresAt: null, valid: true });

    const expiredOnly = await request(t.server).get('/api/v1/certifications').set(org.auth).query({ status: 'expired' }).expect(200);
    expect(expiredOnly.body.items.map((c: { id: string }) => c.id)).toEqual([expired.id]);
    const validOnes = await request(t.server).get('/api/v1/certifications').set(org.auth).query({ status: 'valid' }).expect(200);
    expect(validOnes.body.items.map((c: { id: string }) => c.id).sort()).toEqual([five.id, given.id, noExpiry.id].sort());
  });

  it.each([
    [{ level: 6 }, 'OCOP_LEVEL_INVALID', 'level'],
    [{ level: 2 }, 'OCOP_LEVEL_INVALID', 'level'],
    [{ level: null }, 'OCOP_LEVEL_REQUIRED', 'level'],
    [{ level: 5, issuingLevel: 'provincial' }, 'OCOP_ISSUING_LEVEL_MISMATCH', 'issuingLevel'],
    [{ kind: 'vietgap', level: 4 }, 'CERTIFICATION_LEVEL_NOT_APPLICABLE', 'level'],
    [{ issuedAt: '2026-05-01', expiresAt: '2026-04-30' }, 'CERTIFICATION_EXPIRY_BEFORE_ISSUE', 'expiresAt'],
    [{ issuedAt: '2026-02-30' }, 'DATE_INVALID', 'issuedAt'],
    [{ scopeId: '6f1c1a57-0c1f-4f5e-9a55-4b0e0e0e0e0e' }, 'CERTIFICATION_SCOPE_NOT_FOUND', 'scopeId'],
  ])('refuses %j with 422 %s naming %s, writing nothing', async (overrides, code, field) => {
    const org = await signupOrganization(t.server);
    const product = await createProduct(t.server, org);
    const body = { kind: 'ocop', level: 4, number: '1/QĐ', issuer: 'UBND tỉnh Điện Biên', issuedAt: '2025-06-20', scopeType: 'product', scopeId: product.id, ...overrides };
    const response = await request(t.server).post('/api/v1/certifications').set(org.auth).send(body).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code, details: { field } });
    expect(response.body.message).toContain(field);
    expect(await certificationsOf(org.organizationId)).toBe(0);
  });

  it.each([
    [{ kind: 'iso9001' }, 'kind'],
    [{ scopeType: 'lot' }, 'scopeType'],
    [{ scopeId: 'abc' }, 'scopeId'],
    [{ level: 'bốn' }, 'level'],
    [{ number: undefined }, 'number'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (overrides, field) => {
    const org = await signupOrganization(t.server);
    const body = { kind: 'ocop', level: 4, number: '1/QĐ', issuer: 'UBND', issuedAt: '2025-06-20', scopeType: 'organization', scopeId: org.organizationId, ...overrides };
    const response = await request(t.server).post('/api/v1/certifications').set(org.auth).send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields).toHaveProperty(field);
    expect(await certificationsOf(org.organizationId)).toBe(0);
  });

  it('scopes a certification to a product, growing area, facility or the organization — only its own', async () => {
    const org = await signupOrganization(t.server);
    const other = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const facility = await createFacility(t.server, org, { kind: 'packing_house' });
    const base = { kind: 'vietgap', number: 'VG-001', issuer: 'Trung tâm Chứng nhận VietGAP', issuedAt: '2025-01-01' };
    await request(t.server).post('/api/v1/certifications').set(org.auth).send({ ...base, scopeType: 'growing_area', scopeId: area.id }).expect(201);
    await request(t.server).post('/api/v1/certifications').set(org.auth).send({ ...base, kind: 'haccp', scopeType: 'facility', scopeId: facility.id }).expect(201);
    await request(t.server).post('/api/v1/certifications').set(org.auth).send({ ...base, kind: 'organic', scopeType: 'organization', scopeId: org.organizationId }).expect(201);

    const theirProduct = await createProduct(t.server, other);
    const before = await certificationsOf(org.organizationId);
    for (const [scopeType, scopeId] of [
      ['product', theirProduct.id],
      ['organization', other.organizationId],
      ['facility', area.id],
      ['growing_area', facility.id],
    ]) {
      const response = await request(t.server).post('/api/v1/certifications').set(org.auth).send({ ...base, scopeType, scopeId }).expect(422);
      expect(response.body).toMatchObject({ code: 'CERTIFICATION_SCOPE_NOT_FOUND', details: { field: 'scopeId' } });
    }
    expect(await certificationsOf(org.organizationId)).toBe(before);
    const forArea = await request(t.server).get('/api/v1/certifications').set(org.auth).query({ scopeType: 'growing_area', scopeId: area.id }).expect(200);
    expect(forArea.body.items).toHaveLength(1);
  });

  it('moves a default expiry with the issue date on PATCH, keeps a typed one, and refuses a bad change', async () => {
    const org = await signupOrganization(t.server);
    const cert = await createCertification(t.server, org, { level: 4, issuedAt: '2025-06-20' });
    const moved = await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(org.auth).send({ issuedAt: '2025-07-01' }).expect(200);
    expect(moved.body).toMatchObject({ issuedAt: '2025-07-01', expiresAt: '2028-07-01' });
    const typed = await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(org.auth).send({ expiresAt: '2027-12-31' }).expect(200);
    expect(typed.body.expiresAt).toBe('2027-12-31');
    const kept = await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(org.auth).send({ issuedAt: '2025-08-01' }).expect(200);
    expect(kept.body.expiresAt).toBe('2027-12-31');
    const promoted = await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(org.auth).send({ level: 5 }).expect(200);
    expect(promoted.body).toMatchObject({ level: 5, issuingLevel: 'central' });
    const bad = await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(org.auth).send({ expiresAt: '2020-01-01' }).expect(422);
    expect(bad.body.code).toBe('CERTIFICATION_EXPIRY_BEFORE_ISSUE');
    const after = await request(t.server).get(`/api/v1/certifications/${cert.id}`).set(org.auth).expect(200);
    expect(after.body).toMatchObject({ level: 5, expiresAt: '2027-12-31', issuedAt: '2025-08-01' });
  });

  it('answers validCertificationsFor and validOcopStars for the lot and label code', async () => {
    const org = await signupOrganization(t.server);
    const other = await signupOrganization(t.server);
    const product = await createProduct(t.server, org);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const old3 = await createCertification(t.server, org, { scopeType: 'product', scopeId: product.id, level: 3, issuedAt: '2021-05-10' });
    const new4 = await createCertification(t.server, org, { scopeType: 'product', scopeId: product.id, level: 4, issuedAt: '2024-05-10' });
    const vietgap = await createCertification(t.server, org, {
      kind: 'vietgap',
      level: null,
      scopeType: 'growing_area',
      scopeId: area.id,
      issuedAt: '2024-01-01',
      expiresAt: '2026-12-31',
    });
    await createCertification(t.server, other, { scopeType: 'organization', scopeId: other.organizationId, level: 5 });

    const service = t.app.get(CertificationsService);
    const scopes = [
      { scopeType: 'product' as const, scopeId: product.id },
      { scopeType: 'growing_area' as const, scopeId: area.id },
    ];
    const early2024 = await service.validCertificationsFor(org.organizationId, scopes, new Date('2024-03-01T03:00:00Z'));
    expect(early2024.map((c) => c.id).sort()).toEqual([old3.id, vietgap.id].sort());
    expect(early2024.every((c) => c.valid && c.status === 'valid')).toBe(true);
    const mid2026 = await service.validCertificationsFor(org.organizationId, scopes, new Date('2026-06-01T00:00:00+07:00'));
    expect(mid2026.map((c) => c.id).sort()).toEqual([new4.id, vietgap.id].sort());
    expect(await service.validCertificationsFor(org.organizationId, scopes, new Date('2027-06-01T00:00:00+07:00'))).toEqual([]);
    // The expiry day counts, in Vietnam's date: 2024-05-10 + 36 months = 2027-05-10.
    expect(await service.validOcopStars(org.organizationId, product.id, new Date('2027-05-10T23:30:00+07:00'))).toBe(4);
    expect(await service.validOcopStars(org.organizationId, product.id, new Date('2027-05-10T17:30:00Z'))).toBeNull();
    expect(await service.validOcopStars(org.organizationId, product.id, new Date('2025-01-01T00:00:00Z'))).toBe(4);
    expect(await service.validOcopStars(org.organizationId, product.id, new Date('2022-01-01T00:00:00Z'))).toBe(3);
    expect(await service.validOcopStars(other.organizationId, product.id, new Date('2025-01-01T00:00:00Z'))).toBeNull();
    const all = await service.certificationsFor(org.organizationId, scopes, new Date('2027-06-01T00:00:00Z'));
    expect(all.find((c) => c.id === old3.id)).toMatchObject({ valid: false, status: 'expired' });
    expect(await service.validCertificationsFor(other.organizationId, scopes, new Date('2025-01-01T00:00:00Z'))).toEqual([]);
  });

  it('keeps tenants apart', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const cert = await createCertification(t.server, a);
    expect((await request(t.server).get(`/api/v1/certifications/${cert.id}`).set(b.auth).expect(404)).body.code).toBe('CERTIFICATION_NOT_FOUND');
    expect((await request(t.server).patch(`/api/v1/certifications/${cert.id}`).set(b.auth).send({ number: 'X' }).expect(404)).body.code).toBe('CERTIFICATION_NOT_FOUND');
    expect((await request(t.server).get('/api/v1/certifications').set(b.auth).expect(200)).body.total).toBe(0);
  });
});
