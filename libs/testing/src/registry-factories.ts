import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { gs1CheckDigit } from '@app/traceability';
import type { TestOrganization } from './factories.js';

type Server = Parameters<typeof request>[0];
type Body = Record<string, unknown>;
type Resource = Record<string, any> & { id: string };

const suffix = () => randomUUID().slice(0, 8);

function digits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}

/** A random GTIN-13 with a valid check digit (Vietnam's GS1 prefix 893 by default). */
export function randomGtin13(prefix = '893'): string {
  const body = prefix + digits(12 - prefix.length);
  return body + gs1CheckDigit(body);
}

/** A random GLN with a valid check digit. */
export function randomGln(prefix = '893'): string {
  return randomGtin13(prefix);
}

/** The same digits with a wrong check digit. */
export function withWrongCheckDigit(code: string): string {
  const last = Number(code[code.length - 1]);
  return code.slice(0, -1) + String((last + 1) % 10);
}

async function post(server: Server, org: TestOrganization, path: string, body: Body, expected = [200, 201]): Promise<Resource> {
  const response = await request(server).post(path).set(org.auth).send(body);
  if (!expected.includes(response.status)) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A member household (with a private phone number) unless overridden. */
export function createPartner(server: Server, org: TestOrganization, overrides: Body = {}): Promise<Resource> {
  return post(server, org, '/api/v1/partners', {
    kind: 'member_household',
    name: `Hộ Lò Văn ${suffix()}`,
    phone: '0912 345 678',
    commune: 'Thanh Xương',
    province: 'Điện Biên',
    ...overrides,
  });
}

export function createFacility(server: Server, org: TestOrganization, overrides: Body = {}): Promise<Resource> {
  return post(server, org, '/api/v1/facilities', {
    kind: 'processing_plant',
    name: `Xưởng chế biến ${suffix()}`,
    province: 'Điện Biên',
    ...overrides,
  });
}

/** A product without a GTIN unless one is given (`gtin: randomGtin13()` for a valid one). */
export function createProduct(server: Server, org: TestOrganization, overrides: Body = {}): Promise<Resource> {
  return post(server, org, '/api/v1/products', {
    nameVi: `Gạo nếp Séng Cù ${suffix()}`,
    unit: 'kg',
    ocopGroup: 1,
    ...overrides,
  });
}

/** An OCOP 4★ certification issued today; scoped to a new product unless scopeType/scopeId are given. */
export async function createCertification(server: Server, org: TestOrganization, overrides: Body = {}): Promise<Resource> {
  const scope = overrides.scopeId ? {} : { scopeType: 'product', scopeId: (await createProduct(server, org)).id };
  return post(server, org, '/api/v1/certifications', {
    kind: 'ocop',
    level: 4,
    number: `${randomInt(1000, 9999)}/QĐ-UBND`,
    issuer: 'UBND tỉnh Điện Biên',
    issuedAt: new Date().toISOString().slice(0, 10),
    ...scope,
    ...overrides,
  });
}

export async function changeGrowingAreaStatus(server: Server, org: TestOrganization, id: string, status: string, reason = 'Kiểm tra định kỳ'): Promise<Resource> {
  return post(server, org, `/api/v1/growing-areas/${id}/status`, { status, reason });
}

/**
 * A sticky-rice growing area with a unique code. `status` may be any status: draft and active are
 * registered directly; suspended and revoked go through the lifecycle (active first).
 */
export async function createGrowingArea(server: Server, org: TestOrganization, overrides: Body = {}): Promise<Resource> {
  const { status = 'draft', ...rest } = overrides;
  const initial = status === 'draft' ? 'draft' : 'active';
  const area = await post(server, org, '/api/v1/growing-areas', {
    code: `VN-TEST-${suffix().toUpperCase()}`,
    issuer: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên',
    name: `Cánh đồng Mường Thanh ${suffix()}`,
    crop: 'sticky_rice',
    variety: 'Séng Cù',
    areaHa: '2.5',
    province: 'Điện Biên',
    commune: 'Thanh Xương',
    location: { type: 'Point', coordinates: [103.0187, 21.3702] },
    status: initial,
    ...rest,
  });
  if (status === 'suspended' || status === 'revoked') return changeGrowingAreaStatus(server, org, area.id, status as string);
  return area;
}

/** A pesticide application applied today with a 7-day pre-harvest interval, unless overridden. */
export function createInputApplication(server: Server, org: TestOrganization, growingAreaId: string, overrides: Body = {}): Promise<Resource> {
  return post(server, org, `/api/v1/growing-areas/${growingAreaId}/inputs`, {
    appliedAt: new Date().toISOString().slice(0, 10),
    kind: 'pesticide',
    productName: 'Anvil 5SC',
    activeIngredient: 'Hexaconazole',
    dose: '1',
    doseUnit: 'l/ha',
    phiDays: 7,
    ...overrides,
  });
}
