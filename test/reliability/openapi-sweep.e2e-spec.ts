import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  addUser,
  createCertification,
  createInputApplication,
  createLotTestSetup,
  signupOrganization,
  startTestApp,
  type TestApp,
  type TestOrganization,
  createProgrammeOffice,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

type Json = any;
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
}
interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: string[];
  body?: Schema;
  isPublic: boolean;
}

/** The resource kind a path parameter names: `{id}` after a collection, `{inputId}`; other parameters are not ids. */
const KIND_OF_SEGMENT: Record<string, string> = {
  lots: 'lot',
  shipments: 'shipment',
  events: 'event',
  'label-jobs': 'labelJob',
  'api-keys': 'apiKey',
  users: 'user',
  'organization-links': 'organizationLink',
  partners: 'partner',
  facilities: 'facility',
  products: 'product',
  certifications: 'certification',
  'growing-areas': 'growingArea',
  imports: 'import',
  // /api/v1/epcis/capture/{id}: an EPCIS capture job.
  capture: 'epcisCapture',
  'verify-jobs': 'auditVerifyJob',
  'recall-jobs': 'recallJob',
  // /api/v1/programme/cooperatives/{id}: an organization, read by a programme office.
  cooperatives: 'organization',
};
/** Body fields that hold ids, by name. */
const KIND_OF_FIELD: Record<string, string> = { lotId: 'lot', productId: 'product', partnerId: 'partner', growingAreaId: 'growingArea', facilityId: 'facility', scopeId: 'product' };
/** Values for path parameters that are not ids. */
const PLAIN_PARAMS: Record<string, string> = { crop: 'tea', kind: 'partners', photoKey: `${'0'.repeat(64)}.webp`, posterId: `a4-vi-${'0'.repeat(24)}`, photoId: '00000000-0000-4000-8000-000000000000' };
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
/** Writes that concern only the caller's own session or password: every role may make them. */
const OWN_ACCOUNT_WRITES = new Set(['post /api/v1/auth/logout', 'post /api/v1/me/password']);
/** Tables a refused request may still write to by design: failed log-ins are counted (lockout). */
const COUNTED_REFUSALS: Record<string, string[]> = { 'post /api/v1/auth/login': ['login_throttle'] };

/**
 * A sweep generated from the OpenAPI document (GET /docs-json), so that routes added later are
 * covered without editing it: (a) another tenant's real ids answer 404 on every route that takes
 * one; (b) a viewer is refused every write (403); (c) every write refuses bodies mangled from its
 * request schema without a 5xx, and a refusal writes nothing (row counts of every table).
 */
describe('OpenAPI sweep: every route, tenants, roles and malformed bodies', () => {
  let t: TestApp;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    const document = (await request(t.server).get('/docs-json').expect(200)).body;
    schemas = document.components.schemas;
    routes = Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method as Route['method'],
        path,
        params: (operation.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name as string),
        body: operation.requestBody?.content?.['application/json']?.schema,
        isPublic: !operation.security,
      })),
    );
    // Writes whose success changes what later calls find (recall, void, status, revoke) go last.
    const destructive = (route: Route) => (/recalls|\/void|\/status|api-keys\/\{id\}|users\/\{id\}|organization-links\/\{id\}/.test(route.path) ? 1 : 0);
    routes.sort((a, b) => destructive(a) - destructive(b));
  });
  afterAll(async () => {
    await t.close();
  });

  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema);

  /** An organization with one of everything that routes take ids of. */
  async function world(): Promise<{ org: TestOrganization; ids: Record<string, string> }> {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const post = async (path: string, body: Json, status = 201) => (await request(t.server).post(path).set(org.auth).send(body).expect(status)).body;
    const lot = await post('/api/v1/lots/harvest', { growingAreaId: s.areaId, productId: s.paddyId, quantity: '1000', unit: 'kg', harvestedAt: '2026-10-01', partnerId: s.householdId });
    const shipped = await post(`/api/v1/lots/${lot.id}/ship`, { partnerId: s.distributorId, quantity: '10', unit: 'kg', shippedAt: '2026-10-02' });
    const job = await post('/api/v1/label-jobs', { lotId: lot.id, templateId: 'a4-3x8-70x37', count: 24, serialized: false }, 202);
    const key = await post('/api/v1/api-keys', { name: 'Quét mã', role: 'viewer' });
    const user = await post('/api/v1/users', { email: `thu-kho-${lot.id}@test.nguon.vn`, password: 'mật khẩu đủ dài', role: 'recorder' });
    const other = await signupOrganization(t.server);
    const link = await post('/api/v1/organization-links', { kind: 'trade', organizationId: other.organizationId });
    const recalledLot = await post('/api/v1/lots/harvest', { growingAreaId: s.areaId, productId: s.paddyId, quantity: '5', unit: 'kg', harvestedAt: '2026-10-01', partnerId: s.householdId });
    const recall = await post('/api/v1/recalls', { lotId: recalledLot.id, reason: 'Kiểm tra quét' });
    const upload = await request(t.server).post('/api/v1/imports/partners').query({ fileName: 'ho.csv' }).set(org.auth).set('content-type', 'text/csv').send(Buffer.from(`Loại,Tên\nHộ thành viên,Hộ ${lot.id}\n`));
    if (upload.status !== 201) throw new Error(JSON.stringify(upload.body));
    const capture = await request(t.server)
      .post('/api/v1/epcis/capture')
      .set(org.auth)
      .set('content-type', 'application/ld+json')
      .send(JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-10-02T00:00:00Z', epcisBody: { eventList: [] } }));
    if (capture.status !== 202) throw new Error(JSON.stringify(capture.body));
    const verifyJob = await post('/api/v1/audit/verify-jobs', {}, 202);
    const recallJob = await post('/api/v1/recall-jobs', { lotId: lot.id, reason: 'Thu hồi thử' }, 202);
    const ids = {
      lot: lot.id,
      shipment: shipped.shipment.id,
      event: shipped.event.id,
      labelJob: job.id,
      apiKey: key.apiKey.id,
      user: user.id,
      organizationLink: link.id,
      partner: s.distributorId,
      facility: s.facilityId,
      product: s.paddyId,
      certification: (await createCertification(t.server, org, { scopeType: 'product', scopeId: s.paddyId })).id,
      growingArea: s.areaId,
      inputApplication: (await createInputApplication(t.server, org, s.areaId)).id,
      import: upload.body.id,
      epcisCapture: capture.body.id,
      auditVerifyJob: verifyJob.id,
      recallJob: recallJob.id,
      organization: org.organizationId,
      recall: recall.event.details?.recallId ?? recall.event.id,
    };
    return { org, ids };
  }

  /** The kind of id a path parameter takes, or null for a parameter that is not an id. */
  function kindOfParam(route: Route, param: string): string | null {
    if (param === 'inputId') return 'inputApplication';
    if (param === 'recallId') return 'recall';
    if (param !== 'id') return null;
    const segments = route.path.split('/');
    return KIND_OF_SEGMENT[segments[segments.indexOf('{id}') - 1]] ?? null;
  }

  function pathWith(route: Route, ids: Record<string, string>): string {
    return route.params.reduce((path, param) => {
      const kind = kindOfParam(route, param);
      const value = kind ? ids[kind] : PLAIN_PARAMS[param];
      if (!value) throw new Error(`${route.method.toUpperCase()} ${route.path}: no value for {${param}}; add its kind to the sweep's fixtures`);
      return path.replace(`{${param}}`, value);
    }, route.path);
  }

  /** A plausible value for a schema: its example, first enum value, the organization's id of the right kind… */
  function sample(schema: Schema, name: string, ids: Record<string, string>, examples = false): unknown {
    const s = resolve(schema);
    if (KIND_OF_FIELD[name] && ids[KIND_OF_FIELD[name]]) return ids[KIND_OF_FIELD[name]];
    if (s.example !== undefined) return s.example;
    if (s.enum) return s.enum[0];
    if (s.oneOf) return sample(s.oneOf[0], name, ids, examples);
    if (s.type === 'object' || s.properties) {
      // Required fields; with `examples`, also the optional ones the document gives an example of.
      const fields = Object.keys(s.properties ?? {}).filter((property) => (s.required ?? []).includes(property) || (examples && s.properties![property].example !== undefined));
      return Object.fromEntries(fields.map((property) => [property, sample(s.properties![property], property, ids, examples)]));
    }
    if (s.type === 'array') return [sample(s.items ?? { type: 'string' }, name, ids, examples)];
    if (s.format === 'uuid') return randomUUID();
    if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 1;
    if (s.type === 'boolean') return false;
    if (/email/i.test(name)) return `sweep-${randomUUID()}@test.nguon.vn`;
    if (/password/i.test(name)) return 'a long enough password';
    return 'Mẫu thử';
  }

  const call = (route: Route, path: string, who: TestOrganization | { auth: Record<string, string> } | null, body?: unknown, raw?: string) => {
    // Each request as if from another phone: the per-address rate limits stay out of the sweep's way.
    const test = request(t.server)[route.method](path).set('x-forwarded-for', `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
    if (who) test.set(who.auth);
    if (raw !== undefined) return test.set('content-type', 'application/json').send(raw);
    return body === undefined ? test : test.send(body as object);
  };

  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

  it('(a) answers 404 to another organization’s real ids, on every route that takes one', async () => {
    const a = await world();
    const b = await signupOrganization(t.server);
    const statuses: number[] = [];
    const wrong: string[] = [];
    const skipped: string[] = [];
    let office: TestOrganization | undefined;
    for (const route of routes.filter((r) => !r.isPublic)) {
      const idParams = route.params.filter((param) => kindOfParam(route, param));
      const bodyIds = route.body ? Object.keys(resolve(route.body).properties ?? {}).filter((field) => KIND_OF_FIELD[field] && (resolve(route.body!).required ?? []).includes(field)) : [];
      if (route.params.some((param) => !kindOfParam(route, param))) {
        skipped.push(`${route.method.toUpperCase()} ${route.path}`);
        continue;
      }
      if (!idParams.length && !bodyIds.length) continue;
      // Path ids and required body ids are A's; everything else is a valid-looking request from B.
      const body = route.body ? sample(route.body, '', idParams.length ? {} : a.ids, !idParams.length) : undefined;
      // The programme routes are an office's: one of A's province that does not oversee A.
      const caller = route.path.startsWith('/api/v1/programme/') ? (office ??= await createProgrammeOffice(t)) : b;
      const response = await call(route, pathWith(route, a.ids), caller, body);
      statuses.push(response.status);
      const ok = idParams.length ? response.status === 404 : [404, 422].includes(response.status) && /NOT_FOUND$/.test(response.body.code);
      if (!ok) wrong.push(`${route.method.toUpperCase()} ${route.path} → ${response.status} ${response.body.code}`);
    }
    expect(wrong).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(30);
    console.log(`OpenAPI sweep (a): ${statuses.length} routes called with another organization's ids: ${JSON.stringify(tally(statuses))}; not id parameters, skipped: ${skipped.join(', ') || 'none'}`);
  });

  it('(b) refuses every write to a viewer with 403', async () => {
    const a = await world();
    const viewer = await addUser(t.server, a.org, 'viewer');
    const statuses: number[] = [];
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic && WRITES.has(r.method) && !OWN_ACCOUNT_WRITES.has(`${r.method} ${r.path}`))) {
      const response = await call(route, pathWith(route, a.ids), viewer, route.body ? sample(route.body, '', a.ids) : undefined);
      statuses.push(response.status);
      if (response.status !== 403 || response.body.code !== 'ROLE_FORBIDDEN') wrong.push(`${route.method.toUpperCase()} ${route.path} → ${response.status} ${response.body.code}`);
    }
    expect(wrong).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(25);
    console.log(`OpenAPI sweep (b): ${statuses.length} write routes called by a viewer: ${JSON.stringify(tally(statuses))}`);
  });

  it('(c) never answers 5xx to malformed bodies, and a refusal writes nothing', async () => {
    const a = await world();
    const tables: string[] = (await t.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migration' ORDER BY 1`)).map(
      (row: { tablename: string }) => row.tablename,
    );
    const countAll = `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(', ')}`;
    const rowCounts = async () => (await t.dataSource.query(countAll))[0];

    const byKind: Record<string, number> = {};
    const statuses: number[] = [];
    const failures: string[] = [];
    const fuzzed = routes.filter((r) => WRITES.has(r.method) && r.body);
    for (const route of fuzzed) {
      const path = pathWith(route, a.ids);
      const base = sample(route.body!, '', a.ids) as Record<string, unknown>;
      for (const { kind, label, body, raw } of malformed(route.body!, base, a.ids)) {
        const before = await rowCounts();
        const response = await call(route, path, route.isPublic ? null : a.org, body, raw);
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        statuses.push(response.status);
        const where = `${route.method.toUpperCase()} ${route.path} [${label}]`;
        if (response.status >= 500) failures.push(`${where} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
        // These two are refused before anything reads the body, with the code (and field) that says why.
        const expected = kind === 'NUL' ? { status: 400, code: 'TEXT_INVALID_CHARACTER', field: label.split(':')[0] } : label.endsWith('100 deep') || label.endsWith('2,000 deep') ? { status: 400, code: 'JSON_TOO_DEEP', field: 'body' } : null;
        if (expected && (response.status !== expected.status || response.body.code !== expected.code || response.body.details?.field !== expected.field)) {
          failures.push(`${where} → ${response.status} ${response.body.code} ${response.body.details?.field ?? ''}, expected ${JSON.stringify(expected)}`);
        }
        if (response.status >= 400) {
          if (typeof response.body.code !== 'string' || typeof response.body.message !== 'string' || response.body.statusCode !== response.status) {
            failures.push(`${where} → ${response.status} without the error body`);
          }
          const after = await rowCounts();
          const allowed = COUNTED_REFUSALS[`${route.method} ${route.path}`] ?? [];
          const changed = tables.filter((table) => after[table] !== before[table] && !allowed.includes(table));
          if (changed.length) failures.push(`${where} → ${response.status} ${response.body.code} but rows changed in ${changed.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    const refusals = tally(statuses.filter((status) => status >= 400));
    console.log(
      `OpenAPI sweep (c): ${fuzzed.length} write routes with bodies, ${statuses.length} malformed requests; by kind ${JSON.stringify(byKind)}; ` +
        `refusals by status ${JSON.stringify(refusals)}; accepted anyway ${statuses.filter((status) => status < 400).length}; 5xx 0`,
    );
  });

  /** Bodies derived from the request schema, each wrong in one way, with the kind of fault for the tally. */
  function malformed(schema: Schema, base: Record<string, unknown>, ids: Record<string, string>): { kind: string; label: string; body?: unknown; raw?: string }[] {
    const cases: { kind: string; label: string; body?: unknown; raw?: string }[] = [
      { kind: 'wrong type', label: 'body is an array', body: [base] },
      { kind: 'wrong type', label: 'body is a string', raw: '"text"' },
      { kind: 'null', label: 'body is null', raw: 'null' },
      { kind: 'missing fields', label: 'empty object', body: {} },
      { kind: 'deeply nested', label: 'body nested 100 deep', raw: `${'{"a":'.repeat(100)}1${'}'.repeat(100)}` },
      { kind: 'deeply nested', label: 'body nested 2,000 deep', raw: `${'['.repeat(2_000)}${']'.repeat(2_000)}` },
      { kind: 'malformed JSON', label: 'truncated', raw: '{"a": [1, 2' },
      { kind: 'huge', label: 'body over the size limit', raw: JSON.stringify({ ...base, padding: 'x'.repeat(1_100_000) }) },
      { kind: 'unknown field', label: 'unknown field', body: { ...base, unexpectedField: 'x', __proto__x: 1 } },
    ];
    const s = resolve(schema);
    const fields: [string, Schema][] = Object.entries(s.properties ?? {});
    // One level into arrays of objects (inputs[0].quantity, documents[0].number…).
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      const items = property.type === 'array' && property.items ? resolve(property.items) : null;
      if (items?.properties) for (const [inner, innerSchema] of Object.entries(items.properties)) fields.push([`${name}[0].${inner}`, innerSchema]);
    }
    for (const [field, property] of fields.slice(0, 14)) {
      for (const [kind, value] of valuesFor(field, resolve(property))) {
        cases.push({ kind, label: `${field}: ${kind}`, body: withValue(base, field, value, schema, ids) });
      }
    }
    return cases;
  }

  function valuesFor(field: string, s: Schema): [string, unknown][] {
    const types = s.oneOf ? s.oneOf.map((option) => resolve(option).type) : [s.type];
    const values: [string, unknown][] = [
      ['null', null],
      ['wrong type', types.includes('string') ? { not: 'a string' } : 'not-the-right-type'],
      ['deeply nested', JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`)],
      ['NUL', `bad\u0000value`],
    ];
    if (types.includes('string') || s.format === 'uuid') {
      values.push(['huge string', 'Đ'.repeat(50_000)], ['NFD text', 'Đi\u0065\u0323\u0302n Bi\u0065\u0302n'], ['emoji', '🌾🍚 Gạo 🇻🇳']);
    }
    if (types.includes('number') || types.includes('integer')) values.push(['number as string', '12'], ['huge number', 1e308], ['negative', -1]);
    if (types.includes('string') && types.includes('number')) values.push(['numeric text', '1e400'], ['numeric text', '١٢٫٥']);
    if (s.type === 'array') values.push(['huge array', Array.from({ length: 2_000 }, () => 'x')], ['empty array', []]);
    if (s.format === 'uuid') values.push(['malformed id', 'not-a-uuid'], ['unknown id', randomUUID()]);
    if (/At$/.test(field) || /^\d{4}-\d{2}-\d{2}/.test(String(s.example ?? ''))) values.push(['impossible date', '2026-02-30T25:61:00+07:00'], ['impossible date', '10000-01-01']);
    return values;
  }

  /** The base body with one field (top level, or in the first item of an array) replaced. */
  function withValue(base: Record<string, unknown>, field: string, value: unknown, schema: Schema, ids: Record<string, string>): Record<string, unknown> {
    const body = structuredClone(base);
    const nested = /^(\w+)\[0\]\.(\w+)$/.exec(field);
    if (!nested) return { ...body, [field]: value };
    const list = (Array.isArray(body[nested[1]]) && (body[nested[1]] as unknown[]).length ? body[nested[1]] : [sample(resolve(schema).properties![nested[1]].items!, nested[1], ids)]) as Record<string, unknown>[];
    return { ...body, [nested[1]]: [{ ...list[0], [nested[2]]: value }, ...list.slice(1)] };
  }
});
