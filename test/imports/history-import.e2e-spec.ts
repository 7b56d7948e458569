import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createGrowingArea, createInputApplication, createPartner, createProduct, createTestFacility, downloadBinary, rowsOfXlsx, signupOrganization, startTestApp, uploadImport, waitForImport, xlsxOf, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const HEADERS = ['Mã số vùng trồng *', 'Sản phẩm *', 'Ngày thu hoạch *', 'Số lượng *', 'Đơn vị *', 'Hộ thu hoạch', 'Mã lô', 'Lý do vượt năng suất'];

describe('historical harvests from a spreadsheet', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(createApiApp, undefined, createWorkerApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string, org: TestOrganization) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [org.organizationId]))[0].n);
  const commit = async (org: TestOrganization, id: string, body: object = {}) => {
    await request(t.server).post(`/api/v1/imports/${id}/commit`).set(org.auth).send(body).expect(202);
    return waitForImport(t.server, org, id);
  };
  const csv = (rows: unknown[][]) => Buffer.from('\ufeff' + rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : `"${String(c)}"`)).join(';')).join('\r\n'), 'utf8');

  /** An organization with an area active since 1 January 2025, a product and a household owning the area. */
  async function cooperative() {
    const org = await signupOrganization(t.server);
    const household = await createPartner(t.server, org, { kind: 'member_household', name: 'Hộ Lò Văn Pọm', phone: '0912 345 678' });
    const area = await createGrowingArea(t.server, org, { ownerPartnerIds: [household.id], areaHa: '10' });
    await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'active', reason: 'Quyết định cấp mã', effectiveAt: '2025-01-01' }).expect(200);
    const product = await createProduct(t.server, org, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg', shelfLifeDays: 365 });
    return { org, household, area: area as { id: string; code: string }, product };
  }

  it('imports a season of harvests: Vietnamese numbers, dd/mm/yyyy and Excel serial dates, generated and given lot codes; lots, events and the chain as the API records them; re-upload makes nothing', async () => {
    const { org, area, product } = await cooperative();
    // One harvest through the API first: the import continues its chain.
    await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: area.id, productId: product.id, quantity: '100', unit: 'kg', harvestedAt: '2025-09-30' }).expect(201);
    const rows: unknown[][] = [HEADERS];
    for (let i = 1; i <= 40; i++) rows.push([area.code, 'Thoc nep Seng Cu', `${String(((i - 1) % 28) + 1).padStart(2, '0')}/${i <= 28 ? 10 : 11}/2025`, '1.250,5', 'kg', i % 2 ? '0912345678' : null, null, null]);
    rows.push([area.code, 'Thóc nếp Séng Cù', 45945, '2.000', 'kg', 'Hộ Lò Văn Pọm', 'SC-2025-777', null]);
    const file = csv(rows);

    const upload = await uploadImport(t.server, org, 'harvests', file, 'thu-hoach-2025.csv').expect(201);
    expect(upload.body).toMatchObject({ kind: 'harvests', status: 'validated', totalRows: 41, validRows: 41, existingRows: 0, errorRows: 0 });
    expect(await count('lot', org)).toBe(1);

    const done = await commit(org, upload.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, processedRows: 41, createdCount: 41 });
    expect(await count('lot', org)).toBe(42);

    const found = (await request(t.server).get('/api/v1/lots').query({ q: 'SC-2025-777' }).set(org.auth).expect(200)).body.items[0];
    const given = (await request(t.server).get(`/api/v1/lots/${found.id}`).set(org.auth).expect(200)).body;
    // Excel serial 45945 is 15 October 2025, midnight in Vietnam.
    expect(given).toMatchObject({ code: 'SC-2025-777', kind: 'harvest', quantity: '2000', unit: 'kg', growingArea: { id: area.id, code: area.code }, household: { name: 'Hộ Lò Văn Pọm' }, producedAt: '2025-10-15T00:00:00.000+07:00' });
    const lots = (await request(t.server).get('/api/v1/lots').query({ growingAreaId: area.id, limit: 100 }).set(org.auth).expect(200)).body.items;
    expect(lots.filter((l: { quantity: string }) => l.quantity === '1250.5')).toHaveLength(40);
    expect(new Set(lots.map((l: { code: string }) => l.code)).size).toBe(42);

    // A harvest through the API after the import: the chain holds across all of them.
    await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: area.id, productId: product.id, quantity: '10', unit: 'kg', harvestedAt: '2025-11-30' }).expect(201);
    const verify = await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, eventsChecked: 43 });

    // The same file again: the same import. Another file with the same rows: every row already imported.
    const again = await uploadImport(t.server, org, 'harvests', file, 'thu-hoach-2025.csv').expect(201);
    expect(again.body).toMatchObject({ id: upload.body.id, alreadyUploaded: true });
    const copy = await uploadImport(t.server, org, 'harvests', await xlsxOf(rows), 'thu-hoach-2025-ban-sao.xlsx').expect(201);
    expect(copy.body).toMatchObject({ totalRows: 41, validRows: 0, existingRows: 41, errorRows: 0 });
    expect(await commit(org, copy.body.id)).toMatchObject({ status: 'done', createdCount: 0 });
    expect(await count('lot', org)).toBe(43);
  });

  it('names every bad row by row, column and the API’s code; all-or-nothing is refused while any row is bad; the valid rows can be imported alone', async () => {
    const { org, area, product, household } = await cooperative();
    const other = await createPartner(t.server, org, { kind: 'member_household', name: 'Hộ Quàng Văn Ún', phone: '0987 000 111' });
    const sprayed = await createGrowingArea(t.server, org, { ownerPartnerIds: [household.id] });
    await request(t.server).post(`/api/v1/growing-areas/${sprayed.id}/status`).set(org.auth).send({ status: 'active', reason: 'Cấp mã', effectiveAt: '2025-01-01' }).expect(200);
    await createInputApplication(t.server, org, sprayed.id, { appliedAt: '2025-10-10', phiDays: 14 });
    const rows: unknown[][] = [HEADERS];
    rows.push([area.code, product.nameVi, '01/10/2025', '500', 'kg', null, null, null]); // 2: fine
    rows.push(['VN-KHONG-CO', product.nameVi, '01/10/2025', '500', 'kg', null, null, null]); // 3
    rows.push([area.code, product.nameVi, '31/02/2025', '500', 'kg', null, null, null]); // 4
    rows.push([area.code, product.nameVi, '01/10/2099', '500', 'kg', null, null, null]); // 5
    rows.push([area.code, product.nameVi, '02/10/2025', 'năm trăm', 'kg', null, null, null]); // 6
    rows.push([area.code, product.nameVi, '03/10/2025', '500', 'bao', null, null, null]); // 7
    rows.push([area.code, product.nameVi, '04/10/2025', '500', 'kg', '0987000111', null, null]); // 8: not an owner
    rows.push([sprayed.code, product.nameVi, '15/10/2025', '500', 'kg', null, null, null]); // 9: inside PHI
    rows.push([area.code, product.nameVi, '05/10/2025', '2.000.000', 'kg', null, null, null]); // 10: 2,000 t from 10 ha
    rows.push([area.code, product.nameVi, '01/10/2025', '500', 'kg', null, null, null]); // 11: same as row 2
    rows.push([area.code, product.nameVi, '06/10/2025', '500', 'kg', null, 'có dấu cách', null]); // 12
    rows.push([area.code, product.nameVi, '07/10/2025', '2.000.000', 'kg', null, null, 'Gộp cả vụ của HTX']); // 13: acknowledged
    const upload = await uploadImport(t.server, org, 'harvests', await xlsxOf(rows), 'loi.xlsx').expect(201);
    const byRow = Object.fromEntries(upload.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, [e.column, e.code]]));
    expect(byRow).toEqual({
      3: ['Mã số vùng trồng *', 'GROWING_AREA_NOT_FOUND'],
      4: ['Ngày thu hoạch *', 'DATE_INVALID'],
      5: ['Ngày thu hoạch *', 'HARVEST_DATE_IN_FUTURE'],
      6: ['Số lượng *', 'QUANTITY_INVALID'],
      7: ['Đơn vị *', 'UNIT_UNKNOWN'],
      8: ['Hộ thu hoạch', 'PARTNER_NOT_AREA_OWNER'],
      9: ['Ngày thu hoạch *', 'HARVEST_INSIDE_PHI'],
      10: ['Số lượng *', 'HARVEST_YIELD_IMPLAUSIBLE'],
      11: [null, 'IMPORT_DUPLICATE_ROW'],
      12: ['Mã lô', 'LOT_CODE_INVALID'],
    });
    expect(upload.body).toMatchObject({ totalRows: 12, validRows: 2, errorRows: 10 });
    expect(other.id).toBeDefined();

    const refused = await request(t.server).post(`/api/v1/imports/${upload.body.id}/commit`).set(org.auth).send({}).expect(422);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count('lot', org)).toBe(0);

    const done = await commit(org, upload.body.id, { mode: 'valid_rows' });
    expect(done).toMatchObject({ status: 'done', createdCount: 2 });
    const overrides = await t.dataSource.query(`SELECT details->'yieldOverride'->>'reason' AS reason FROM event WHERE organization_id = $1 AND details ? 'yieldOverride'`, [org.organizationId]);
    expect(overrides).toEqual([{ reason: 'Gộp cả vụ của HTX' }]);
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: true, eventsChecked: 2 });
  });

  it('imports processing: input lots by code with Vietnamese quantities, outputs of rows above as inputs, mass balance with the rows above counted; written by the transform operation itself', async () => {
    const { org, area, product } = await cooperative();
    const rice = await createProduct(t.server, org, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg' });
    const harvests: unknown[][] = [HEADERS];
    harvests.push([area.code, product.nameVi, '01/10/2025', '1.000', 'kg', null, 'TH-01', null]);
    harvests.push([area.code, product.nameVi, '02/10/2025', '500', 'kg', null, 'TH-02', null]);
    const h = await uploadImport(t.server, org, 'harvests', await xlsxOf(harvests), 'th.xlsx').expect(201);
    expect(await commit(org, h.body.id)).toMatchObject({ status: 'done', createdCount: 2 });

    const rows: unknown[][] = [['Lô đầu vào *', 'Đơn vị đầu vào', 'Sản phẩm đầu ra *', 'Số lượng đầu ra *', 'Đơn vị *', 'Ngày chế biến *', 'Công đoạn *', 'Mã lô đầu ra']];
    rows.push(['TH-01: 800; TH-02: 400,5', 'kg', 'Gạo nếp Séng Cù', '850', 'kg', '05/10/2025', 'Xay xát', 'GAO-01']); // 2
    rows.push(['GAO-01: 850', null, 'Gạo nếp Séng Cù', '1.700', 'pack', '06/10/2025', 'Đóng gói 0,5 kg', 'GOI-01']); // 3: uses row 2's output
    rows.push(['TH-01: 300', 'kg', 'Gạo nếp Séng Cù', '200', 'kg', '07/10/2025', 'Xay xát', null]); // 4: only 200 kg left of TH-01
    rows.push(['TH-99: 10', 'kg', 'Gạo nếp Séng Cù', '5', 'kg', '07/10/2025', 'Xay xát', null]); // 5
    rows.push(['TH-02: 50', 'kg', 'Gạo nếp Séng Cù', '30', 'kg', '01/09/2025', 'Xay xát', null]); // 6: before TH-02 existed
    rows.push(['TH-01: 100', 'kg', 'Gạo nếp Séng Cù', '60', 'kg', '08/10/2025', 'Xay xát', null]); // 7: fine
    const upload = await uploadImport(t.server, org, 'processing', await xlsxOf(rows), 'che-bien.xlsx').expect(201);
    const byRow = Object.fromEntries(upload.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, [e.column, e.code]]));
    expect(byRow).toEqual({
      4: ['Lô đầu vào *', 'LOT_OVERCONSUMED'],
      5: ['Lô đầu vào *', 'LOT_NOT_FOUND'],
      6: ['Ngày chế biến *', 'EVENT_BEFORE_INPUT'],
    });
    expect(upload.body).toMatchObject({ totalRows: 6, validRows: 3 });
    expect(rice.id).toBeDefined();

    const done = await commit(org, upload.body.id, { mode: 'valid_rows' });
    expect(done).toMatchObject({ status: 'done', createdCount: 3 });
    const lot = async (code: string) => {
      const found = (await request(t.server).get('/api/v1/lots').query({ q: code }).set(org.auth).expect(200)).body.items[0];
      return (await request(t.server).get(`/api/v1/lots/${found.id}`).set(org.auth).expect(200)).body;
    };
    expect(await lot('TH-01')).toMatchObject({ quantity: '1000', consumed: '900' });
    expect(await lot('TH-02')).toMatchObject({ quantity: '500', consumed: '400.5' });
    expect(await lot('GAO-01')).toMatchObject({ kind: 'processed', quantity: '850', consumed: '850' });
    expect(await lot('GOI-01')).toMatchObject({ kind: 'packed', quantity: '1700', unit: 'pack' });
    const links = await t.dataSource.query(`SELECT count(*)::int AS n FROM lot_link WHERE organization_id = $1`, [org.organizationId]);
    expect(links[0].n).toBe(4);
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: true, eventsChecked: 5 });

    // The same rows in another file: the imported ones are found again, nothing is consumed twice.
    const again = await uploadImport(t.server, org, 'processing', await xlsxOf([rows[0], rows[1], rows[6]]), 'che-bien-lan-2.xlsx').expect(201);
    expect(again.body).toMatchObject({ totalRows: 2, validRows: 0, existingRows: 2, errorRows: 0 });
  });

  it('draws generated lot codes around the codes rows type: ones typed later in the same file and ones already in the database', async () => {
    const { org, area, product } = await cooperative();
    const lotByCode = async (code: string) => (await request(t.server).get('/api/v1/lots').query({ q: code }).set(org.auth).expect(200)).body.items[0];
    // "Thóc nếp Séng Cù" draws TNSC-2025-000001, -000002, … ; two rows type exactly those.
    const harvests: unknown[][] = [HEADERS];
    harvests.push([area.code, product.nameVi, '01/10/2025', '1.000', 'kg', null, null, null]);
    harvests.push([area.code, product.nameVi, '02/10/2025', '500', 'kg', null, 'TNSC-2025-000001', null]);
    harvests.push([area.code, product.nameVi, '03/10/2025', '300', 'kg', null, null, null]);
    harvests.push([area.code, product.nameVi, '04/10/2025', '200', 'kg', null, 'TNSC-2025-000002', null]);
    const h = await uploadImport(t.server, org, 'harvests', await xlsxOf(harvests), 'th.xlsx').expect(201);
    expect(await commit(org, h.body.id)).toMatchObject({ status: 'done', createdCount: 4 });
    expect(await lotByCode('TNSC-2025-000001')).toMatchObject({ quantity: '500' });
    expect(await lotByCode('TNSC-2025-000002')).toMatchObject({ quantity: '200' });
    const codes: string[] = (await t.dataSource.query(`SELECT code FROM lot WHERE organization_id = $1`, [org.organizationId])).map((r: { code: string }) => r.code);
    expect(new Set(codes).size).toBe(4);

    // Processing: "Gạo nếp Séng Cù" draws GNSC-2025-…; one code is typed by an earlier import, one by a later row of this file.
    await createProduct(t.server, org, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg' });
    const header = ['Lô đầu vào *', 'Đơn vị đầu vào', 'Sản phẩm đầu ra *', 'Số lượng đầu ra *', 'Đơn vị *', 'Ngày chế biến *', 'Công đoạn *', 'Mã lô đầu ra'];
    const first = await uploadImport(t.server, org, 'processing', await xlsxOf([header, ['TNSC-2025-000001: 100', 'kg', 'Gạo nếp Séng Cù', '70', 'kg', '05/10/2025', 'Xay xát', 'GNSC-2025-000001']]), 'cb-1.xlsx').expect(201);
    expect(await commit(org, first.body.id)).toMatchObject({ status: 'done', createdCount: 1 });
    const rows: unknown[][] = [header];
    rows.push(['TNSC-2025-000001: 100', 'kg', 'Gạo nếp Séng Cù', '65', 'kg', '06/10/2025', 'Xay xát', null]);
    rows.push(['TNSC-2025-000002: 100', 'kg', 'Gạo nếp Séng Cù', '60', 'kg', '06/10/2025', 'Xay xát', 'GNSC-2025-000002']);
    const second = await uploadImport(t.server, org, 'processing', await xlsxOf(rows), 'cb-2.xlsx').expect(201);
    expect(second.body).toMatchObject({ totalRows: 2, validRows: 2, errorRows: 0 });
    expect(await commit(org, second.body.id)).toMatchObject({ status: 'done', createdCount: 2 });
    expect(await lotByCode('GNSC-2025-000001')).toMatchObject({ quantity: '70' });
    expect(await lotByCode('GNSC-2025-000002')).toMatchObject({ quantity: '60' });
    const drawn: { code: string }[] = await t.dataSource.query(`SELECT code FROM lot WHERE organization_id = $1 AND quantity = 65`, [org.organizationId]);
    expect(drawn).toHaveLength(1);
    expect(['GNSC-2025-000001', 'GNSC-2025-000002']).not.toContain(drawn[0].code);
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: true, eventsChecked: 7 });
  });

  it('reads merged cells of XLSX data rows as the clerk sees them: a date merged down over a day’s harvests is each row’s date; a range running into blank rows makes no rows', async () => {
    const { org, area, product } = await cooperative();
    const rows: unknown[][] = [HEADERS];
    rows.push([area.code, product.nameVi, '03/10/2025', '100', 'kg', null, 'GOP-01', null]); // 2: the date and the product merged down to row 4
    rows.push([area.code, null, null, '110', 'kg', null, 'GOP-02', null]); // 3
    rows.push([area.code, null, null, '120', 'kg', null, 'GOP-03', null]); // 4
    rows.push([area.code, product.nameVi, '04/10/2025', '130', 'kg', null, 'GOP-04', null]); // 5: its date merged down to row 7
    rows.push([null, null, null, null, null, null, null, null]); // 6: blank but for the merged date
    rows.push([null, null, null, null, null, null, null, null]); // 7
    const file = await xlsxOf(rows, (sheet) => {
      sheet.mergeCells('B2:B4');
      sheet.mergeCells('C2:C4');
      sheet.mergeCells('C5:C7');
    });
    const upload = await uploadImport(t.server, org, 'harvests', file, 'gop-o.xlsx').expect(201);
    expect(upload.body).toMatchObject({ totalRows: 4, validRows: 4, errorRows: 0 });
    expect(await commit(org, upload.body.id)).toMatchObject({ status: 'done', createdCount: 4 });
    const lots = (await request(t.server).get('/api/v1/lots').query({ growingAreaId: area.id, limit: 10 }).set(org.auth).expect(200)).body.items as { code: string; producedAt: string; product: { id: string } }[];
    const byCode = Object.fromEntries(lots.map((l) => [l.code, l]));
    for (const code of ['GOP-01', 'GOP-02', 'GOP-03']) expect(byCode[code]).toMatchObject({ producedAt: '2025-10-03T00:00:00.000+07:00', product: { id: product.id } });
    expect(byCode['GOP-04']).toMatchObject({ producedAt: '2025-10-04T00:00:00.000+07:00' });

    // A merged cell without a value (the clerk merged, then cleared it) leaves the rows' cells empty: named as any empty required cell.
    const cleared = await xlsxOf([HEADERS, [area.code, product.nameVi, null, '10', 'kg', null, 'GOP-05', null], [area.code, product.nameVi, null, '11', 'kg', null, 'GOP-06', null]], (sheet) => sheet.mergeCells('C2:C3'));
    const bad = await uploadImport(t.server, org, 'harvests', cleared, 'gop-o-trong.xlsx').expect(201);
    expect(bad.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Ngày thu hoạch *'],
      [3, 'Ngày thu hoạch *'],
    ]);
  });

  it('records historical processing at a facility named by its code or name (either language’s header); an unknown or ambiguous facility is named on its row', async () => {
    const { org, area, product } = await cooperative();
    await createProduct(t.server, org, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg' });
    const mill = await createTestFacility(t.dataSource, org.organizationId, { kind: 'processing_plant', name: 'Xưởng xay xát Thanh Xương', code: 'VN-DB-XX01' });
    const packer = await createTestFacility(t.dataSource, org.organizationId, { kind: 'packing_house', name: 'Nhà đóng gói Mường Thanh' });
    await createTestFacility(t.dataSource, org.organizationId, { kind: 'warehouse', name: 'Kho số 1' });
    await createTestFacility(t.dataSource, org.organizationId, { kind: 'warehouse', name: 'Kho số 1' });
    const harvests: unknown[][] = [HEADERS, [area.code, product.nameVi, '01/10/2025', '1.000', 'kg', null, 'CS-01', null]];
    expect(await commit(org, (await uploadImport(t.server, org, 'harvests', await xlsxOf(harvests), 'th-cs.xlsx').expect(201)).body.id)).toMatchObject({ status: 'done' });

    const en = ['Input lots *', 'Input unit', 'Output product *', 'Output quantity *', 'Unit *', 'Processed on *', 'Process *', 'Output lot code', 'Processing facility'];
    const rows: unknown[][] = [en];
    rows.push(['CS-01: 300', 'kg', 'Gạo nếp Séng Cù', '200', 'kg', '05/10/2025', 'Xay xát', 'CS-GAO-01', 'vn-db-xx01']); // 2: by code, any case
    rows.push(['CS-01: 100', 'kg', 'Gạo nếp Séng Cù', '70', 'kg', '05/10/2025', 'Xay xát', 'CS-GAO-02', 'Nha dong goi Muong Thanh'.normalize('NFD')]); // 3: by name, no diacritics
    rows.push(['CS-01: 100', 'kg', 'Gạo nếp Séng Cù', '70', 'kg', '06/10/2025', 'Xay xát', 'CS-GAO-03', null]); // 4: no facility
    rows.push(['CS-01: 10', 'kg', 'Gạo nếp Séng Cù', '7', 'kg', '06/10/2025', 'Xay xát', 'CS-GAO-04', 'Xưởng không có']); // 5
    rows.push(['CS-01: 10', 'kg', 'Gạo nếp Séng Cù', '7', 'kg', '06/10/2025', 'Xay xát', 'CS-GAO-05', 'Kho số 1']); // 6
    const upload = await uploadImport(t.server, org, 'processing', await xlsxOf(rows), 'processing.xlsx').expect(201);
    expect(upload.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [5, 'Processing facility', 'FACILITY_NOT_FOUND'],
      [6, 'Processing facility', 'FACILITY_AMBIGUOUS'],
    ]);
    expect(await commit(org, upload.body.id, { mode: 'valid_rows' })).toMatchObject({ status: 'done', createdCount: 3 });
    const facilities = await t.dataSource.query(
      `SELECT l.code, l.facility_id AS "lotFacility", e.facility_id AS "eventFacility" FROM lot l JOIN event e ON e.id = l.created_event_id WHERE l.organization_id = $1 AND l.code LIKE 'CS-GAO-%' ORDER BY l.code`,
      [org.organizationId],
    );
    expect(facilities).toEqual([
      { code: 'CS-GAO-01', lotFacility: mill, eventFacility: mill },
      { code: 'CS-GAO-02', lotFacility: packer, eventFacility: packer },
      { code: 'CS-GAO-03', lotFacility: null, eventFacility: null },
    ]);
    const lot = (await request(t.server).get('/api/v1/lots').query({ q: 'CS-GAO-01' }).set(org.auth).expect(200)).body.items[0];
    expect((await request(t.server).get(`/api/v1/lots/${lot.id}`).set(org.auth).expect(200)).body).toMatchObject({ facility: { id: mill, name: 'Xưởng xay xát Thanh Xương' } });
    // Both templates carry the column.
    const vi = await rowsOfXlsx((await downloadBinary(t.server, org, '/api/v1/imports/templates/processing?lang=vi').expect(200)).body);
    expect(vi[0]).toContain('Cơ sở chế biến');
    const enTemplate = await rowsOfXlsx((await downloadBinary(t.server, org, '/api/v1/imports/templates/processing?lang=en').expect(200)).body);
    expect(enTemplate[0]).toContain('Processing facility');
  });

  it('offers both historical kinds with Vietnamese and English templates; a filled Vietnamese template (NFD unit word) is read and judged by the API’s rules', async () => {
    const { org, area, product } = await cooperative();
    const kinds = (await request(t.server).get('/api/v1/imports/kinds').set(org.auth).expect(200)).body.map((k: { name: string }) => k.name);
    expect(kinds).toEqual(expect.arrayContaining(['harvests', 'processing']));
    for (const kind of ['harvests', 'processing']) {
      const en = await rowsOfXlsx((await downloadBinary(t.server, org, `/api/v1/imports/templates/${kind}?lang=en`).expect(200)).body);
      expect(en[0]).toContain(kind === 'harvests' ? 'Growing-area code *' : 'Input lots *');
    }
    const vi = await rowsOfXlsx((await downloadBinary(t.server, org, '/api/v1/imports/templates/harvests?lang=vi').expect(200)).body);
    expect(vi[0].slice(0, 5)).toEqual(['Mã số vùng trồng *', 'Sản phẩm *', 'Ngày thu hoạch *', 'Số lượng *', 'Đơn vị *']);
    const filled = await xlsxOf([vi[0] as unknown[], [area.code, product.nameVi, '20/10/2025', '1.500', 'tấn'.normalize('NFD')]]);
    const upload = await uploadImport(t.server, org, 'harvests', filled, 'mau-da-dien.xlsx').expect(201);
    expect(upload.body).toMatchObject({ totalRows: 1, validRows: 0, errorRows: 1 });
    // 1,500 t from 10 ha is past the plausible yield: the API's own refusal, on the quantity column.
    expect(upload.body.errors[0]).toMatchObject({ row: 2, column: 'Số lượng *', code: 'HARVEST_YIELD_IMPLAUSIBLE' });
  });
});
