import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

type Operation = {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string } }> }>;
  parameters?: { name: string; in: string }[];
};
type Schema = { properties?: Record<string, unknown>; required?: string[]; allOf?: Schema[] };

describe('registry: OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    document = (await request(t.server).get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const schemaOf = (ref: string | undefined): Schema => document.components.schemas[String(ref).replace('#/components/schemas/', '')];
  const propertiesOf = (schema: Schema): string[] => [
    ...Object.keys(schema.properties ?? {}),
    ...(schema.allOf ?? []).flatMap((part) => propertiesOf((part as { $ref?: string }).$ref ? schemaOf((part as { $ref: string }).$ref) : part)),
  ];

  const endpoints: [string, string, boolean][] = [
    ['post', '/api/v1/partners', true],
    ['get', '/api/v1/partners', false],
    ['get', '/api/v1/partners/{id}', false],
    ['patch', '/api/v1/partners/{id}', true],
    ['post', '/api/v1/facilities', true],
    ['get', '/api/v1/facilities', false],
    ['get', '/api/v1/facilities/{id}', false],
    ['patch', '/api/v1/facilities/{id}', true],
    ['post', '/api/v1/products', true],
    ['get', '/api/v1/products', false],
    ['get', '/api/v1/products/{id}', false],
    ['patch', '/api/v1/products/{id}', true],
    ['post', '/api/v1/certifications', true],
    ['get', '/api/v1/certifications', false],
    ['get', '/api/v1/certifications/{id}', false],
    ['patch', '/api/v1/certifications/{id}', true],
    ['post', '/api/v1/growing-areas', true],
    ['get', '/api/v1/growing-areas', false],
    ['get', '/api/v1/growing-areas/{id}', false],
    ['patch', '/api/v1/growing-areas/{id}', true],
    ['post', '/api/v1/growing-areas/{id}/status', true],
    ['get', '/api/v1/growing-areas/{id}/status-history', false],
    ['get', '/api/v1/growing-areas/{id}/harvest-window', false],
    ['get', '/api/v1/growing-areas/{id}/inputs', false],
    ['post', '/api/v1/growing-areas/{id}/inputs', true],
    ['post', '/api/v1/growing-areas/{id}/inputs/{inputId}/void', true],
    ['get', '/api/v1/crop-yield-limits', false],
    ['put', '/api/v1/crop-yield-limits/{crop}', true],
  ];

  it.each(endpoints)('documents %s %s with its request and response schemas', (method, path, hasBody) => {
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
    expect(success).toBeDefined();
    expect(success![1].content?.['application/json']?.schema).toBeDefined();
    if (hasBody) expect(operation.requestBody?.content['application/json']?.schema.$ref).toMatch(/^#\/components\/schemas\//);
  });

  it('keeps the contract’s request field names (docs/public-contract.md)', () => {
    const body = (path: string, method = 'post') => propertiesOf(schemaOf(document.paths[path][method].requestBody!.content['application/json'].schema.$ref));
    expect(body('/api/v1/partners')).toEqual(expect.arrayContaining(['kind', 'name', 'phone', 'commune', 'province']));
    expect(body('/api/v1/facilities')).toEqual(expect.arrayContaining(['kind', 'name', 'code', 'province']));
    expect(body('/api/v1/products')).toEqual(expect.arrayContaining(['nameVi', 'nameEn', 'ocopGroup', 'gtin', 'unit']));
    expect(body('/api/v1/certifications')).toEqual(
      expect.arrayContaining(['kind', 'level', 'number', 'issuer', 'issuedAt', 'expiresAt', 'scopeType', 'scopeId']),
    );
    expect(body('/api/v1/growing-areas')).toEqual(
      expect.arrayContaining(['code', 'name', 'crop', 'areaHa', 'province', 'commune', 'location', 'ownerPartnerIds']),
    );
    expect(body('/api/v1/growing-areas/{id}/status')).toEqual(expect.arrayContaining(['status', 'reason']));
    expect(body('/api/v1/growing-areas/{id}/inputs')).toEqual(
      expect.arrayContaining(['appliedAt', 'kind', 'productName', 'activeIngredient', 'dose', 'doseUnit', 'phiDays']),
    );
    expect(body('/api/v1/growing-areas/{id}', 'patch')).not.toContain('status');
  });

  it('documents lists as {items, total, nextCursor} with their query parameters', () => {
    const list = document.paths['/api/v1/products'].get;
    expect(list.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'limit', 'cursor', 'sort', 'total']));
    const page = schemaOf(list.responses['200'].content!['application/json'].schema.$ref);
    expect(Object.keys(page.properties!)).toEqual(expect.arrayContaining(['items', 'total', 'nextCursor']));
  });
});
