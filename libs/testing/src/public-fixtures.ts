import request from 'supertest';
import { signupOrganization, type TestOrganization } from './factories.js';
import { downloadLabelPdf, waitForLabelJob } from './label-jobs.js';
import { createCertification, createFacility, createGrowingArea, createInputApplication, createPartner, createProduct, randomGtin13 } from './registry-factories.js';
import type { TestApp } from './test-app.js';

type Server = TestApp['server'];
type Json = Record<string, any>;

/** What the households told the cooperative in private: must never reach a public page. */
export const PRIVATE = {
  phone: '0987 654 321',
  phoneDigits: '0987654321',
  citizenId: '011223344556',
  taxCode: '5600123456',
  notes: 'Ghi chú nội bộ: nợ tiền phân bón',
  distributorPhone: '0911 222 333',
};

async function post(server: Server, org: TestOrganization, path: string, body: Json, status = 201): Promise<Json> {
  const response = await request(server).post(path).set(org.auth).send(body);
  if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** An instant written the way a clerk in Vietnam records it: local time with its +07:00 offset (pages show dates in the event's own offset). */
const at = (base: number, minutes: number) => new Date(base + minutes * 60_000 + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);

export interface Genealogy {
  org: TestOrganization;
  gtin: string;
  harvestedAt: Date;
  areaCodes: string[];
  households: Json[];
  product: Json;
  harvests: Json[];
  merged: Json;
  milled: Json;
  packed: Json;
  shipment: Json;
}

/**
 * The issue's genealogy, built through the public APIs as a cooperative would: two households'
 * harvests from two growing areas → merged → milled → packed (GTIN product, OCOP 4★) → shipped.
 */
export async function buildGenealogy(server: Server, suffix: string): Promise<Genealogy> {
  const org = await signupOrganization(server, { organizationName: `HTX Nông nghiệp Thanh Xương ${suffix}`, province: 'Điện Biên' });
  const households = [
    await createPartner(server, org, { name: `Hộ Lò Văn Pọm ${suffix}`, phone: PRIVATE.phone, citizenId: PRIVATE.citizenId, notes: PRIVATE.notes, commune: 'Thanh Xương' }),
    await createPartner(server, org, { name: `Hộ Quàng Thị Ún ${suffix}`, phone: PRIVATE.phone, taxCode: PRIVATE.taxCode, commune: 'Thanh Yên' }),
  ];
  const areas = [
    await createGrowingArea(server, org, {
      code: `VN-DBIH-${suffix}-A`,
      name: 'Cánh đồng Co Mỵ',
      commune: 'Thanh Xương',
      status: 'active',
      standard: 'VietGAP',
      ownerPartnerIds: [households[0].id],
      location: { type: 'Point', coordinates: [103.0187, 21.3702] },
    }),
    await createGrowingArea(server, org, {
      code: `VN-DBIH-${suffix}-B`,
      name: 'Ruộng bản Noong Nhai',
      commune: 'Thanh Yên',
      status: 'active',
      ownerPartnerIds: [households[1].id],
      location: {
        type: 'Polygon',
        coordinates: [
          [
            [103.01, 21.36],
            [103.02, 21.36],
            [103.02, 21.37],
            [103.01, 21.37],
            [103.01, 21.36],
          ],
        ],
      },
    }),
  ];
  await createInputApplication(server, org, areas[0].id, { appliedAt: daysAgo(30), kind: 'pesticide', productName: 'Anvil 5SC', activeIngredient: 'Hexaconazole', phiDays: 7 });
  await createInputApplication(server, org, areas[1].id, { appliedAt: daysAgo(45), kind: 'fertiliser', productName: 'Phân hữu cơ vi sinh Sông Gianh', activeIngredient: null, phiDays: 0 });
  await createCertification(server, org, { kind: 'vietgap', level: null, number: `VG-${suffix}`, issuer: 'Trung tâm Chứng nhận VietGAP', scopeType: 'growing_area', scopeId: areas[0].id });

  const paddy = await createProduct(server, org, { nameVi: `Thóc nếp Séng Cù ${suffix}`, nameEn: 'Séng Cù sticky paddy', unit: 'kg' });
  const rice = await createProduct(server, org, { nameVi: `Gạo nếp Séng Cù xay ${suffix}`, unit: 'kg' });
  const gtin = randomGtin13();
  const product = await createProduct(server, org, {
    nameVi: `Gạo nếp Séng Cù Điện Biên ${suffix}`,
    nameEn: `Séng Cù sticky rice ${suffix}`,
    unit: 'pack',
    gtin,
    netContent: '2',
    netContentUnit: 'kg',
    shelfLifeDays: 365,
    brand: 'Séng Cù Mường Thanh',
    imageUrl: 'https://images.example.vn/seng-cu.jpg',
    standards: ['TCVN 11888:2017'],
    ocopGroup: 1,
  });
  await createCertification(server, org, { kind: 'ocop', level: 4, number: `123/QĐ-UBND-${suffix}`, issuer: 'UBND tỉnh Điện Biên', scopeType: 'product', scopeId: product.id });
  // An expired certificate: never shown.
  await createCertification(server, org, {
    kind: 'organic',
    level: null,
    number: `HC-EXPIRED-${suffix}`,
    issuer: 'Văn phòng chứng nhận hữu cơ',
    issuedAt: '2020-01-01',
    expiresAt: '2021-01-01',
    scopeType: 'product',
    scopeId: product.id,
  });
  const mill = await createFacility(server, org, { kind: 'processing_plant', name: `Nhà máy xay xát Mường Thanh ${suffix}`, code: `XX-${suffix}`, commune: 'Thanh Xương', province: 'Điện Biên' });
  const packing = await createFacility(server, org, { kind: 'packing_house', name: `Cơ sở đóng gói Noong Hẹt ${suffix}`, code: `DG-${suffix}`, province: 'Điện Biên' });
  const distributor = await createPartner(server, org, { kind: 'distributor', name: `Siêu thị Nông sản Sạch ${suffix}`, phone: PRIVATE.distributorPhone, province: 'Hà Nội' });

  const t0 = Date.now();
  const harvests = [
    await post(server, org, '/api/v1/lots/harvest', {
      growingAreaId: areas[0].id,
      productId: paddy.id,
      quantity: '1200',
      unit: 'kg',
      harvestedAt: at(t0, 0),
      lotCode: `TH-${suffix}-1`,
      partnerId: households[0].id,
    }),
    await post(server, org, '/api/v1/lots/harvest', {
      growingAreaId: areas[1].id,
      productId: paddy.id,
      quantity: '800',
      unit: 'kg',
      harvestedAt: at(t0, 0),
      lotCode: `TH-${suffix}-2`,
      partnerId: households[1].id,
    }),
  ];
  const merge = await post(server, org, '/api/v1/lots/transform', {
    inputs: harvests.map((lot) => ({ lotId: lot.id, quantity: lot.quantity, unit: 'kg' })),
    outputs: [{ productId: paddy.id, quantity: '2000', unit: 'kg', lotCode: `GL-${suffix}` }],
    occurredAt: at(t0, 1),
    process: 'merge',
  });
  const milling = await post(server, org, '/api/v1/lots/transform', {
    inputs: [{ lotId: merge.outputs[0].id, quantity: '2000', unit: 'kg' }],
    outputs: [{ productId: rice.id, quantity: '1300', unit: 'kg', lotCode: `XX-${suffix}` }],
    facilityId: mill.id,
    occurredAt: at(t0, 2),
    process: 'mill',
  });
  const packing2 = await post(server, org, '/api/v1/lots/transform', {
    inputs: [{ lotId: milling.outputs[0].id, quantity: '1000', unit: 'kg' }],
    outputs: [{ productId: product.id, quantity: '500', unit: 'pack', lotCode: `DB-${suffix}` }],
    facilityId: packing.id,
    occurredAt: at(t0, 3),
    process: 'pack',
  });
  const packed = packing2.outputs[0];
  const shipped = await post(server, org, `/api/v1/lots/${packed.id}/ship`, {
    partnerId: distributor.id,
    quantity: '100',
    unit: 'pack',
    shippedAt: at(t0, 4),
    documents: [{ type: 'invoice', number: `HD-${suffix}-GIA-50000000` }],
  });
  return {
    org,
    gtin: `0${gtin}`,
    harvestedAt: new Date(t0),
    areaCodes: areas.map((a) => a.code),
    households,
    product,
    harvests,
    merged: merge.outputs[0],
    milled: milling.outputs[0],
    packed,
    shipment: shipped.shipment,
  };
}

/** Prints `count` serialised roll labels for a lot and waits for the worker to render them. */
export async function printLabels(server: Server, org: TestOrganization, lotId: string, count: number): Promise<{ job: Json; pdf: Buffer }> {
  const created = await post(server, org, '/api/v1/label-jobs', { lotId, templateId: 'roll-50x30', count, serialized: true }, 202);
  const job = await waitForLabelJob(server, org, created.id);
  if (job.status !== 'done') throw new Error(`label job failed: ${JSON.stringify(job)}`);
  const download = await downloadLabelPdf(server, org, created.id).expect(200);
  return { job, pdf: download.body as Buffer };
}
