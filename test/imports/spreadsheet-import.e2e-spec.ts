import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  addUser,
  compoundFile,
  createGrowingArea,
  createProduct,
  downloadBinary,
  rowsOfXlsx,
  signupOrganization,
  startTestApp,
  uploadImport,
  waitForImport,
  xlsxOf,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const PARTNER_HEADERS = ['Loại *', 'Tên hộ / đối tác *', 'Số điện thoại', 'Số CCCD', 'Xã', 'Tỉnh'];
/** The EncryptionInfo stream of agile (ECMA-376) encryption: version 4.4, flags, then its XML descriptor. */
const AGILE_ENCRYPTION_INFO = Buffer.concat([
  Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
      '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  ),
]);
const AREA_HEADERS = ['Mã số vùng trồng *', 'Tên vùng trồng *', 'Cây trồng *', 'Diện tích (ha) *', 'Tỉnh *', 'Chủ hộ', 'Ngày cấp mã', 'Trạng thái'];

describe('spreadsheet imports', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(createApiApp, undefined, createWorkerApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string, org: TestOrganization) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [org.organizationId]))[0].n);
  const list = async (org: TestOrganization, path: string) => (await request(t.server).get(`${path}?limit=100`).set(org.auth).expect(200)).body.items;
  const commit = async (org: TestOrganization, id: string, body: object = {}) => {
    await request(t.server).post(`/api/v1/imports/${id}/commit`).set(org.auth).send(body).expect(202);
    return waitForImport(t.server, org, id);
  };

  /** 300 households like a cooperative's member list, the way Excel keeps it. */
  async function householdsFile(org: string, extra: unknown[][] = []): Promise<Buffer> {
    const rows: unknown[][] = [[`DANH SÁCH HỘ THÀNH VIÊN ${org}`], PARTNER_HEADERS];
    for (let i = 0; i < 300; i++) rows.push(['Hộ thành viên', `Hộ Lò Văn ${i}`.normalize('NFD'), 912000000 + i, null, 'Thanh Xương', 'Điện Biên']);
    rows.push(...extra);
    return xlsxOf(rows, (sheet) => {
      sheet.mergeCells('A1:F1');
      // Rows Excel keeps after a deletion: formatted, empty.
      for (let r = rows.length + 1; r < rows.length + 20; r++) sheet.getCell(`B${r}`).value = null;
      sheet.getCell(`C${rows.length + 30}`).value = '   ';
    });
  }

  it('imports 300 member households from an XLSX: NFD names, phones Excel made numbers, citizen ids without their 0, a merged title row, blank trailing rows', async () => {
    const org = await signupOrganization(t.server);
    const bytes = await householdsFile('HTX A', [['Hộ thành viên', 'Hộ Quàng Thị Mai', 84987654321, 11090001234, 'Mường Thanh', 'Điện Biên']]);
    const upload = await uploadImport(t.server, org, 'partners', bytes, 'ho-thanh-vien.xlsx').expect(201);
    expect(upload.body).toMatchObject({ status: 'validated', kind: 'partners', headerRow: 2, totalRows: 301, validRows: 301, errorRows: 0, errorCount: 0, alreadyUploaded: false });
    // The dry run wrote nothing to the registry.
    expect(await count('partner', org)).toBe(0);

    const done = await commit(org, upload.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, processedRows: 301, createdCount: 301, failedCount: 0 });
    expect(await count('partner', org)).toBe(301);
    const mai = (await request(t.server).get('/api/v1/partners').query({ q: 'quang thi mai' }).set(org.auth).expect(200)).body.items;
    expect(mai).toEqual([expect.objectContaining({ kind: 'member_household', name: 'Hộ Quàng Thị Mai', phone: '+84987654321', citizenId: '011090001234', commune: 'Phường Mường Thanh', communeCode: '03334' })]);
    const first = (await request(t.server).get('/api/v1/partners').query({ q: 'lo van 7' }).set(org.auth).expect(200)).body.items.find((p: { name: string }) => p.name === 'Hộ Lò Văn 7');
    expect(first).toMatchObject({ phone: '0912000007' });
    expect(first.name).toBe('Hộ Lò Văn 7'.normalize('NFC'));
  });

  it('re-uploading the same file makes nothing new; a changed file finds the records by their keys and updates them only when asked', async () => {
    const org = await signupOrganization(t.server);
    const areaRows = (name: string) => [AREA_HEADERS, ['VN-DB-0001', name, 'Lúa nếp', '2,5', 'Điện Biên', null, '15/03/2026', 'Đang hoạt động'], ['VN-DB-0002', 'Đồi chè', 'tea', '12', 'Điện Biên', null, 46096, 'Nháp']];
    const bytes = await xlsxOf(areaRows('Cánh đồng Co Mỵ'));
    const first = await uploadImport(t.server, org, 'growing-areas', bytes, 'vung-trong.xlsx').expect(201);
    expect(first.body).toMatchObject({ validRows: 2, errorCount: 0 });
    await commit(org, first.body.id);
    const again = await uploadImport(t.server, org, 'growing-areas', bytes, 'vung-trong (1).xlsx').expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, alreadyUploaded: true, status: 'done' });
    await request(t.server).post(`/api/v1/imports/${first.body.id}/commit`).set(org.auth).send({}).expect(202);
    expect(await count('growing_area', org)).toBe(2);
    expect(Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_job WHERE organization_id = $1`, [org.organizationId]))[0].n)).toBe(1);

    const areas = await list(org, '/api/v1/growing-areas');
    expect(areas.find((a: { code: string }) => a.code === 'VN-DB-0001')).toMatchObject({ name: 'Cánh đồng Co Mỵ', crop: 'sticky_rice', areaHa: '2.5', status: 'active', issuedAt: '2026-03-15' });
    expect(areas.find((a: { code: string }) => a.code === 'VN-DB-0002')).toMatchObject({ crop: 'tea', status: 'draft', issuedAt: '2026-03-15' });

    const renamed = await uploadImport(t.server, org, 'growing-areas', await xlsxOf(areaRows('Cánh đồng Co Mỵ mới')), 'vung-trong-2.xlsx').expect(201);
    expect(renamed.body).toMatchObject({ validRows: 0, existingRows: 2, alreadyUploaded: false });
    const skipped = await commit(org, renamed.body.id);
    expect(skipped).toMatchObject({ status: 'done', createdCount: 0, skippedCount: 2 });
    expect((await list(org, '/api/v1/growing-areas')).map((a: { name: string }) => a.name)).toContain('Cánh đồng Co Mỵ');

    const renamedAgain = await uploadImport(t.server, org, 'growing-areas', await xlsxOf(areaRows('Cánh đồng Co Mỵ 2026')), 'vung-trong-3.xlsx').expect(201);
    const updated = await commit(org, renamedAgain.body.id, { updateExisting: true });
    expect(updated).toMatchObject({ status: 'done', createdCount: 0, updatedCount: 2 });
    expect(await count('growing_area', org)).toBe(2);
    expect((await list(org, '/api/v1/growing-areas')).map((a: { name: string }) => a.name)).toContain('Cánh đồng Co Mỵ 2026');
  });

  it('names each bad row by row and column with the API’s code; all-or-nothing refuses and writes nothing; valid rows only imports the rest; the annotated file carries the errors', async () => {
    const org = await signupOrganization(t.server);
    await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'member_household', name: 'Hộ Lò Văn Panh', phone: '0912 345 678' }).expect(201);
    const bytes = await xlsxOf([
      AREA_HEADERS,
      ['VN-DB-0101', 'Co Mỵ 1', 'Lúa nếp', '25.000,5', 'Điện Biên', '0912345678', '01/02/2026', 'Nháp'],
      ['VN-DB-0102', 'Co Mỵ 2', 'Lúa nếp', '0', 'Điện Biên', null, null, null],
      ['VN-DB-0103', 'Co Mỵ 3', 'Cây lạ', '1', 'Điện Biên', null, '31/02/2026', null],
      ['VN-DB-0104', 'Co Mỵ 4', 'rice', '1', 'Điện Biên', 'Hộ Không Có', null, null],
      ['VN-DB-0101', 'Co Mỵ 1 lặp', 'rice', '1', 'Điện Biên', null, null, null],
      ['VN-DB-0105', 'Co Mỵ 5', 'rice', '1,25', 'Điện Biên', 'hộ lò văn panh', null, null],
    ]);
    const upload = await uploadImport(t.server, org, 'growing-areas', bytes, 'vung-loi.xlsx').expect(201);
    expect(upload.body).toMatchObject({ totalRows: 6, validRows: 2, errorRows: 4 });
    const errors = upload.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, 'Diện tích (ha) *', 'AREA_HA_NOT_POSITIVE'],
        [4, 'Cây trồng *', 'VALIDATION_FAILED'],
        [4, 'Ngày cấp mã', 'DATE_INVALID'],
        [5, 'Chủ hộ', 'OWNER_NOT_FOUND'],
        [6, null, 'IMPORT_DUPLICATE_ROW'],
      ]),
    );
    expect(errors.filter((e: unknown[]) => e[0] === 2 || e[0] === 7)).toEqual([]);

    const refused = await request(t.server).post(`/api/v1/imports/${upload.body.id}/commit`).set(org.auth).send({ mode: 'all_or_nothing' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { field: 'mode', errorRows: 4 } });
    expect(await count('growing_area', org)).toBe(0);

    const annotated = await downloadBinary(t.server, org, `/api/v1/imports/${upload.body.id}/annotated.xlsx`).expect(200);
    const rows = await rowsOfXlsx(annotated.body as Buffer);
    expect(rows[0][AREA_HEADERS.length]).toBe('Lỗi / Errors');
    expect(String(rows[2][AREA_HEADERS.length])).toContain('AREA_HA_NOT_POSITIVE');
    expect(String(rows[3][AREA_HEADERS.length])).toMatch(/\[Ngày cấp mã\] DATE_INVALID/);
    expect(rows[1][AREA_HEADERS.length] ?? null).toBeNull();

    const done = await commit(org, upload.body.id, { mode: 'valid_rows' });
    expect(done).toMatchObject({ status: 'done', mode: 'valid_rows', createdCount: 2, skippedCount: 4 });
    const areas = await list(org, '/api/v1/growing-areas');
    expect(areas.map((a: { code: string }) => a.code).sort()).toEqual(['VN-DB-0101', 'VN-DB-0105']);
    const panh = (await list(org, '/api/v1/partners'))[0];
    expect(areas.find((a: { code: string }) => a.code === 'VN-DB-0101')).toMatchObject({ areaHa: '25000.5', ownerPartnerIds: [panh.id], issuedAt: '2026-02-01' });
    expect(areas.find((a: { code: string }) => a.code === 'VN-DB-0105')).toMatchObject({ areaHa: '1.25', ownerPartnerIds: [panh.id] });
  });

  it('reads CSV from Excel: UTF-8 with a BOM (comma or semicolon) and UTF-16 "Unicode text"', async () => {
    const org = await signupOrganization(t.server);
    const header = 'Tên tiếng Việt,Đơn vị,Nhóm OCOP,Khối lượng tịnh,Đơn vị khối lượng tịnh,Hạn sử dụng (ngày)';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\r\nGạo Séng Cù,gói / hộp,Thực phẩm,"0,5",kg,365\r\n`, 'utf8')]);
    const semicolon = Buffer.from(`${header.replace(/,/g, ';')}\nChè Shan tuyết;kg;2;;;540\n`.normalize('NFD'), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header.replace(/,/g, '\t')}\r\nMật ong bạc hà\tl\t1\t\t\t730\r\n`, 'utf16le')]);
    for (const [bytes, name] of [[utf8, 'a.csv'], [semicolon, 'b.csv'], [utf16, 'c.csv']] as const) {
      const upload = await uploadImport(t.server, org, 'products', bytes, name).expect(201);
      expect(upload.body).toMatchObject({ validRows: 1, errorCount: 0 });
      await commit(org, upload.body.id);
    }
    const products = await list(org, '/api/v1/products');
    expect(products.map((p: { nameVi: string }) => p.nameVi).sort()).toEqual(['Chè Shan tuyết', 'Gạo Séng Cù', 'Mật ong bạc hà']);
    expect(products.find((p: { nameVi: string }) => p.nameVi === 'Gạo Séng Cù')).toMatchObject({ unit: 'pack', ocopGroup: 1, netContent: '0.5', netContentUnit: 'kg', shelfLifeDays: 365 });
  });

  it('imports certifications naming their product, growing area or the organization, and a field log naming areas by code', async () => {
    const org = await signupOrganization(t.server);
    const product = await createProduct(t.server, org, { nameVi: 'Gạo Séng Cù Điện Biên', unit: 'kg' });
    const area = await createGrowingArea(t.server, org, { code: 'VN-DB-0201' });
    const certifications = await uploadImport(
      t.server,
      org,
      'certifications',
      await xlsxOf([
        ['Loại chứng nhận *', 'Hạng sao OCOP', 'Số chứng nhận / quyết định *', 'Cơ quan cấp *', 'Ngày cấp *', 'Ngày hết hạn', 'Phạm vi *', 'Đối tượng'],
        ['OCOP', 4, '1234/QĐ-UBND', 'UBND tỉnh Điện Biên', '15/03/2025', null, 'Sản phẩm', 'gao seng cu dien bien'],
        ['VietGAP', null, 'VG-0123', 'Trung tâm VietGAP', '01/06/2025', '01/06/2027', 'Vùng trồng', 'VN-DB-0201'],
        ['HACCP', null, 'HC-01', 'Bureau Veritas', '01/01/2025', '31/12/2027', 'Tổ chức', null],
        ['VietGAP', null, 'VG-0999', 'Trung tâm VietGAP', '01/06/2025', '01/06/2027', 'Sản phẩm', 'Không có sản phẩm này'],
      ]),
      'chung-nhan.xlsx',
    ).expect(201);
    expect(certifications.body).toMatchObject({ totalRows: 4, validRows: 3, errorRows: 1 });
    expect(certifications.body.errors).toEqual([expect.objectContaining({ row: 5, column: 'Đối tượng', field: 'scopeId', code: 'SCOPE_NOT_FOUND' })]);
    await commit(org, certifications.body.id, { mode: 'valid_rows' });
    const stored = await list(org, '/api/v1/certifications');
    expect(stored.map((c: { number: string; scopeId: string }) => [c.number, c.scopeId]).sort()).toEqual([
      ['1234/QĐ-UBND', product.id],
      ['HC-01', org.organizationId],
      ['VG-0123', area.id],
    ]);
    expect(stored.find((c: { number: string }) => c.number === '1234/QĐ-UBND')).toMatchObject({ kind: 'ocop', level: 4, issuedAt: '2025-03-15' });

    const log = await xlsxOf([
      ['Mã số vùng trồng *', 'Ngày sử dụng *', 'Loại *', 'Tên thuốc / phân bón *', 'Hoạt chất', 'Liều lượng', 'Đơn vị liều', 'Thời gian cách ly (ngày) *'],
      ['VN-DB-0201', '10/03/2026', 'Thuốc BVTV', 'Anvil 5SC', 'Hexaconazole', '1,5', 'l/ha', 7],
      ['VN-DB-0201', '01/02/2026', 'Phân bón', 'NPK 16-16-8', null, '300', 'kg/ha', 0],
      ['VN-DB-0201', '01/01/2099', 'Phân bón', 'Đạm urê', null, null, null, 0],
      ['VN-DB-9999', '01/02/2026', 'Phân bón', 'NPK', null, null, null, 0],
      ['VN-DB-0201', '02/02/2026', 'Phân bón', 'Lân', null, '200', null, 0],
    ]);
    const inputs = await uploadImport(t.server, org, 'input-applications', log, 'nhat-ky.xlsx').expect(201);
    expect(inputs.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [4, 'Ngày sử dụng *', 'INPUT_APPLIED_IN_FUTURE'],
      [5, 'Mã số vùng trồng *', 'GROWING_AREA_NOT_FOUND'],
      [6, 'Đơn vị liều', 'DOSE_UNIT_REQUIRED'],
    ]);
    await commit(org, inputs.body.id, { mode: 'valid_rows' });
    const applied = await list(org, `/api/v1/growing-areas/${area.id}/inputs`);
    expect(applied.map((a: { productName: string; dose: string; appliedAt: string }) => [a.productName, a.dose, a.appliedAt]).sort()).toEqual([
      ['Anvil 5SC', '1.5', '2026-03-10'],
      ['NPK 16-16-8', '300', '2026-02-01'],
    ]);
    // The same log again, saved once more (another file): both rows are found, nothing is added.
    const again = await uploadImport(t.server, org, 'input-applications', await xlsxOf([['Mã số vùng trồng', 'Ngày sử dụng', 'Loại', 'Tên thuốc / phân bón', 'Liều lượng', 'Đơn vị liều', 'Thời gian cách ly (ngày)'], ['VN-DB-0201', '10/03/2026', 'pesticide', 'anvil 5sc', '1,5', 'l/ha', 7]]), 'nhat-ky-2.xlsx').expect(201);
    expect(again.body).toMatchObject({ existingRows: 1, validRows: 0 });
    await commit(org, again.body.id, { updateExisting: true });
    expect(await list(org, `/api/v1/growing-areas/${area.id}/inputs`)).toHaveLength(2);
  });

  it('refuses a file too large, of another kind, corrupt, or without the required columns, each with its code, writing nothing', async () => {
    const org = await signupOrganization(t.server);
    const good = await xlsxOf([PARTNER_HEADERS, ['Hộ thành viên', 'Hộ A', '0912345678', null, null, null]]);
    const cases: [Buffer, string, string][] = [
      [Buffer.concat([good, Buffer.alloc(10 * 1024 * 1024)]), 'big.xlsx', 'IMPORT_FILE_TOO_LARGE'],
      [Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'scan.pdf', 'IMPORT_FILE_TYPE'],
      [good.subarray(0, good.length - 200), 'broken.xlsx', 'IMPORT_FILE_CORRUPT'],
      // What Excel saves when a workbook is given a password: the package encrypted inside an OLE compound file.
      [compoundFile({ EncryptionInfo: AGILE_ENCRYPTION_INFO, EncryptedPackage: Buffer.alloc(6000, 0x5a) }), 'mat-khau.xlsx', 'IMPORT_FILE_ENCRYPTED'],
      [compoundFile({ Workbook: Buffer.alloc(6000, 0x09) }), 'cu.xls', 'IMPORT_FILE_TYPE'],
      [await xlsxOf([['Loại', 'Số điện thoại'], ['Hộ thành viên', '0912345678']]), 'no-name.xlsx', 'IMPORT_COLUMNS_MISSING'],
      [await xlsxOf([['a', 'b'], ['1', '2']]), 'other.xlsx', 'IMPORT_HEADER_NOT_FOUND'],
    ];
    for (const [bytes, name, code] of cases) {
      const response = await uploadImport(t.server, org, 'partners', bytes, name, name.endsWith('.pdf') ? 'application/octet-stream' : undefined).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code, details: { field: 'file' } });
    }
    expect(await count('import_job', org)).toBe(0);
    expect(await count('partner', org)).toBe(0);
  });

  it('serves templates in Vietnamese and English that import back; other tenants get 404 and viewers cannot import', async () => {
    const org = await signupOrganization(t.server);
    for (const kind of ['partners', 'growing-areas', 'products', 'facilities']) {
      for (const lang of ['vi', 'en']) {
        const response = await downloadBinary(t.server, org, `/api/v1/imports/templates/${kind}?lang=${lang}`).expect(200);
        expect(response.headers['content-type']).toContain('spreadsheetml');
        const [headers] = await rowsOfXlsx(response.body as Buffer);
        expect(headers.length).toBeGreaterThan(3);
        const examples = await rowsOfXlsx(response.body as Buffer, 1);
        expect(examples[0]).toEqual(headers);
        expect(examples.length).toBeGreaterThan(1);
      }
    }
    // The partners template filled with its own examples imports them.
    const template = (await downloadBinary(t.server, org, '/api/v1/imports/templates/partners?lang=vi').expect(200)).body as Buffer;
    const examples = await rowsOfXlsx(template, 1);
    const upload = await uploadImport(t.server, org, 'partners', await xlsxOf(examples), 'mau.xlsx').expect(201);
    expect(upload.body).toMatchObject({ validRows: examples.length - 1, errorCount: 0 });
    await commit(org, upload.body.id);
    expect((await list(org, '/api/v1/partners')).map((p: { name: string }) => p.name).sort()).toEqual(['Cơ sở thu mua Quàng Thị Mai', 'Hộ Lò Văn Panh']);

    const other = await signupOrganization(t.server);
    await request(t.server).get(`/api/v1/imports/${upload.body.id}`).set(other.auth).expect(404);
    await request(t.server).post(`/api/v1/imports/${upload.body.id}/commit`).set(other.auth).send({}).expect(404);
    await downloadBinary(t.server, other, `/api/v1/imports/${upload.body.id}/annotated.xlsx`).expect(404);
    const viewer = await addUser(t.server, org, 'viewer');
    const refused = await uploadImport(t.server, viewer, 'partners', await xlsxOf(examples.slice(0, 2)), 'x.xlsx').expect(403);
    expect(refused.body.code).toBe('ROLE_FORBIDDEN');
    await request(t.server).get('/api/v1/imports/templates/lots').set(org.auth).expect(404);
  });
});
