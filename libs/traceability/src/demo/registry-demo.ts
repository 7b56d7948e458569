import type { EntityManager } from 'typeorm';
import { resolvePlace } from '../admin-units/admin-units.js';
import { searchKey } from '../common/text.js';
import { addDays, addMonths, todayInVietnam } from '../registry/common/fields.js';

/**
 * Registry demo data from Điện Biên's OCOP programme (docs/domain.md#demo-data): member households, facilities,
 * products with their OCOP stars, growing areas with codes, owners, history and input logs.
 * Dates are relative to the day of seeding so that certifications and statuses stay meaningful.
 * Names, phone numbers and ids of people are invented.
 *
 * Other seeders find these records by their stable keys: growing-area codes (`VN-DBIH-0012`…),
 * product GTINs (Séng Cù sticky rice: 08936049120015) or names.
 */
export const REGISTRY_DEMO = {
  issuer: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên',
  sengCuGtin: '08936049120015',
  coffeeGtin: '08936049120022',
  teaGtin: '08936049120039',
  sengCuAreaCode: 'VN-DBIH-0012',
} as const;

type Row = Record<string, unknown>;

/**
 * The demo's villages by the commune they belong to since 1 July 2025 (Resolution 1661/NQ-UBTVQH15
 * rearranged Điện Biên's communes): places are stored in the current form, with their codes.
 */
const DEMO_COMMUNES: Record<string, string> = {
  'Thanh Xương': 'Phường Mường Thanh',
  'Mường Thanh': 'Phường Mường Thanh',
  'Him Lam': 'Phường Điện Biên Phủ',
  'Thanh Yên': 'Xã Thanh Yên',
  'Noong Hẹt': 'Xã Sam Mứn',
  'Mường Ảng': 'Xã Mường Ảng',
  'Ẳng Cang': 'Xã Mường Ảng',
  'Sín Chải': 'Xã Sín Chải',
  'Tủa Chùa': 'Xã Tủa Chùa',
  'Long Biên': 'Phường Long Biên',
};

export function demoPlace<T extends Row>(row: T): T & { province?: string | null; commune?: string | null; province_code?: string | null; commune_code?: string | null } {
  if (!('province' in row) && !('commune' in row)) return row;
  const commune = typeof row.commune === 'string' ? (DEMO_COMMUNES[row.commune] ?? row.commune) : null;
  const place = resolvePlace({ province: (row.province as string) ?? null, commune });
  return { ...row, province: place.province, commune: place.commune, province_code: place.provinceCode, commune_code: place.communeCode };
}

async function insert(manager: EntityManager, table: string, input: Row): Promise<string> {
  const row = demoPlace(input);
  const columns = Object.keys(row);
  const values = columns.map((column) => {
    const value = row[column];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  const [created] = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values,
  );
  return created.id;
}

const point = (longitude: number, latitude: number) => ({ type: 'Point', coordinates: [longitude, latitude] });

/** A small square field boundary around a point (≈ 500 m a side), closed and counter-clockwise. */
function square(longitude: number, latitude: number, half = 0.0025) {
  const ring = [
    [longitude - half, latitude - half],
    [longitude + half, latitude - half],
    [longitude + half, latitude + half],
    [longitude - half, latitude + half],
    [longitude - half, latitude - half],
  ].map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))]);
  return { type: 'Polygon', coordinates: [ring] };
}

export async function seedRegistryDemo(manager: EntityManager, organizationId: string): Promise<void> {
  const today = todayInVietnam();
  const monthsAgo = (months: number) => addMonths(today, -months);
  const daysAgo = (days: number) => addDays(today, -days);
  const [owner] = await manager.query(`SELECT id FROM app_user WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [organizationId]);
  const userId: string | null = owner?.id ?? null;

  // Partners: member households (with private phone and citizen ids) and value-chain parties.
  const partner = (row: Row) =>
    insert(manager, 'partner', { organization_id: organizationId, province: 'Điện Biên', ...row, name_search: searchKey(String(row.name)) });
  const panh = await partner({ kind: 'member_household', name: 'Hộ Lò Văn Panh', commune: 'Thanh Xương', address: 'Bản Co Mỵ, phường Mường Thanh', phone: '0912 000 101', citizen_id: '011080000101' });
  const xuan = await partner({ kind: 'member_household', name: 'Hộ Quàng Thị Xuân', commune: 'Thanh Yên', phone: '0912 000 102', citizen_id: '011085000102' });
  const kien = await partner({ kind: 'member_household', name: 'Hộ Lường Văn Kiên', commune: 'Noong Hẹt', phone: '0912 000 103', citizen_id: '011079000103' });
  const hac = await partner({ kind: 'member_household', name: 'Hộ Cà Văn Hặc', commune: 'Mường Ảng', phone: '0912 000 104', citizen_id: '011082000104' });
  const dinh = await partner({ kind: 'member_household', name: 'Hộ Vàng A Dình', commune: 'Sín Chải', phone: '0912 000 105', citizen_id: '011090000105', notes: 'Chủ vườn chè cổ thụ' });
  const on = await partner({ kind: 'member_household', name: 'Hộ Lò Thị Ón', commune: 'Ẳng Cang', phone: '0912 000 106', citizen_id: '011088000106' });
  const cho = await partner({ kind: 'member_household', name: 'Hộ Giàng A Chơ', commune: 'Tủa Chùa', phone: '0912 000 107', citizen_id: '011091000107' });
  await partner({ kind: 'collector', name: 'Điểm thu mua nông sản Noong Hẹt', commune: 'Noong Hẹt', phone: '0215 3800 201' });
  await partner({ kind: 'distributor', name: 'Công ty TNHH Nông sản sạch Tây Bắc', province: 'Hà Nội', commune: 'Long Biên', tax_code: '0109000201' });
  await partner({ kind: 'retailer', name: 'Cửa hàng giới thiệu sản phẩm OCOP Điện Biên', commune: 'Mường Thanh', address: 'Phường Mường Thanh, tỉnh Điện Biên' });
  await partner({ kind: 'transporter', name: 'Hợp tác xã Vận tải Mường Thanh', commune: 'Mường Thanh' });
  await partner({ kind: 'lab', name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Điện Biên', commune: 'Him Lam' });

  // Facilities.
  const facility = (row: Row) =>
    insert(manager, 'facility', { organization_id: organizationId, province: 'Điện Biên', ...row, name_search: searchKey(String(row.name)) });
  await facility({ kind: 'processing_plant', name: 'Xưởng xay xát gạo Séng Cù Thanh Xương', commune: 'Thanh Xương', address: 'Bản Co Mỵ, phường Mường Thanh', location: point(103.0172, 21.3689) });
  await facility({
    kind: 'packing_house',
    name: 'Nhà sơ chế, đóng gói nông sản HTX Séng Cù',
    code: 'VNDB-PH-0003',
    code_issuer: REGISTRY_DEMO.issuer,
    code_status: 'active',
    commune: 'Thanh Xương',
    location: point(103.0179, 21.3694),
  });
  const roastery = await facility({ kind: 'processing_plant', name: 'Xưởng rang xay cà phê Mường Ảng', commune: 'Mường Ảng', location: point(103.2265, 21.5193) });
  await facility({ kind: 'processing_plant', name: 'Xưởng chế biến chè Shan tuyết Tủa Chùa', commune: 'Tủa Chùa', location: point(103.3542, 21.8627) });
  await facility({ kind: 'warehouse', name: 'Kho nông sản Noong Hẹt', commune: 'Noong Hẹt', location: point(103.0498, 21.3651) });

  // Products: raw materials for harvests, and the OCOP products sold.
  const product = (row: Row) =>
    insert(manager, 'product', { organization_id: organizationId, ...row, name_search: searchKey(String(row.name_vi)) });
  await product({ name_vi: 'Thóc nếp Séng Cù', name_en: 'Seng Cu sticky paddy', unit: 'kg' });
  await product({ name_vi: 'Cà phê quả tươi Mường Ảng', name_en: 'Muong Ang fresh coffee cherry', unit: 'kg' });
  await product({ name_vi: 'Chè búp tươi Shan tuyết', name_en: 'Fresh Shan tuyet tea leaf', unit: 'kg' });
  const sengCu = await product({
    name_vi: 'Gạo nếp Séng Cù Điện Biên',
    name_en: 'Dien Bien Seng Cu sticky rice',
    ocop_group: 1,
    gtin: REGISTRY_DEMO.sengCuGtin,
    unit: 'pack',
    net_content: '2',
    net_content_unit: 'kg',
    shelf_life_days: 365,
    brand: 'Séng Cù Mường Thanh',
    description: 'Gạo nếp Séng Cù trồng trên cánh đồng Mường Thanh, hạt tròn, dẻo thơm.',
    standards: ['TCVN 11888:2017', 'VietGAP'],
  });
  await product({ name_vi: 'Gạo Điện Biên', name_en: 'Dien Bien rice', ocop_group: 1, unit: 'pack', net_content: '5', net_content_unit: 'kg', shelf_life_days: 365, standards: ['TCVN 11888:2017'] });
  const coffee = await product({
    name_vi: 'Cà phê Mường Ảng rang xay',
    name_en: 'Muong Ang ground roasted coffee',
    ocop_group: 1,
    gtin: REGISTRY_DEMO.coffeeGtin,
    unit: 'pack',
    net_content: '500',
    net_content_unit: 'g',
    shelf_life_days: 365,
    brand: 'Cà phê Mường Ảng',
    standards: ['TCVN 5251:2015'],
  });
  const tea = await product({
    name_vi: 'Chè Shan tuyết Tủa Chùa',
    name_en: 'Tua Chua Shan tuyet tea',
    ocop_group: 1,
    gtin: REGISTRY_DEMO.teaGtin,
    unit: 'pack',
    net_content: '200',
    net_content_unit: 'g',
    shelf_life_days: 540,
    standards: ['TCVN 11041-6:2018'],
  });
  const honey = await product({ name_vi: 'Mật ong Tủa Chùa', name_en: 'Tua Chua honey', ocop_group: 1, unit: 'pack', net_content: '500', net_content_unit: 'ml', shelf_life_days: 730 });
  const driedDocynia = await product({ name_vi: 'Táo mèo sấy khô', name_en: 'Dried docynia fruit', ocop_group: 1, unit: 'pack', net_content: '500', net_content_unit: 'g', shelf_life_days: 365 });
  const vinegar = await product({ name_vi: 'Giấm táo mèo', name_en: 'Docynia vinegar', ocop_group: 1, unit: 'pack', net_content: '500', net_content_unit: 'ml', shelf_life_days: 730 });
  await product({ name_vi: 'Thảo quả khô', name_en: 'Dried black cardamom', ocop_group: 1, unit: 'kg', shelf_life_days: 540 });
  const pomelo = await product({ name_vi: 'Bưởi da xanh Mường Ảng', name_en: 'Muong Ang green-skin pomelo', ocop_group: 1, unit: 'kg', shelf_life_days: 30 });
  await product({ name_vi: 'Hạt mắc ca Điện Biên', name_en: 'Dien Bien macadamia nuts', ocop_group: 1, unit: 'pack', net_content: '500', net_content_unit: 'g', shelf_life_days: 365 });

  // Growing areas, active since their code was issued (history backdated accordingly).
  const area = async (row: Row & { status: string; owners: string[]; activeSince: string; suspended?: { since: string; reason: string } }) => {
    const { owners, activeSince, suspended, status, ...columns } = row;
    const id = await insert(manager, 'growing_area', {
      organization_id: organizationId,
      issuer: REGISTRY_DEMO.issuer,
      province: 'Điện Biên',
      ...columns,
      status,
      issued_at: status === 'draft' ? null : activeSince,
      name_search: searchKey(String(columns.name)),
    });
    for (const partnerId of owners) {
      await manager.query(`INSERT INTO growing_area_owner (organization_id, growing_area_id, partner_id) VALUES ($1, $2, $3)`, [organizationId, id, partnerId]);
    }
    const change = (from: string | null, to: string, reason: string, at: string) =>
      manager.query(
        `INSERT INTO growing_area_status_change (organization_id, growing_area_id, from_status, to_status, reason, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, ($7 || 'T08:00:00+07:00')::timestamptz)`,
        [organizationId, id, from, to, reason, userId, at],
      );
    await change(null, 'draft', 'Nộp hồ sơ đăng ký mã số vùng trồng', addDays(activeSince, -30));
    if (status !== 'draft') await change('draft', 'active', 'Được cấp mã số vùng trồng', activeSince);
    if (suspended) await change('active', 'suspended', suspended.reason, suspended.since);
    return id;
  };
  const sengCuArea = await area({
    code: REGISTRY_DEMO.sengCuAreaCode,
    name: 'Cánh đồng Mường Thanh – bản Co Mỵ',
    crop: 'sticky_rice',
    variety: 'Séng Cù',
    area_ha: '12.5',
    commune: 'Thanh Xương',
    location: square(103.0185, 21.37),
    target_markets: ['VN'],
    standard: 'VietGAP',
    expected_yield_t: '75',
    max_yield_t_per_ha: '6.5',
    status: 'active',
    owners: [panh],
    activeSince: monthsAgo(30),
  });
  await area({ code: 'VN-DBIH-0015', name: 'Cánh đồng Thanh Yên', crop: 'rice', variety: 'Bắc thơm số 7', area_ha: '18', commune: 'Thanh Yên', location: point(103.028, 21.33), expected_yield_t: '110', status: 'active', owners: [xuan], activeSince: monthsAgo(28) });
  await area({ code: 'VN-DBIH-0021', name: 'Cánh đồng Noong Hẹt', crop: 'sticky_rice', variety: 'Séng Cù', area_ha: '9.8', commune: 'Noong Hẹt', location: point(103.051, 21.365), status: 'active', owners: [kien], activeSince: monthsAgo(26) });
  const coffeeArea = await area({
    code: 'VN-DBIH-0034',
    name: 'Vùng cà phê Arabica Mường Ảng',
    crop: 'coffee',
    variety: 'Arabica Catimor',
    area_ha: '25',
    commune: 'Mường Ảng',
    location: square(103.2251, 21.5152, 0.004),
    target_markets: ['VN', 'EU'],
    status: 'active',
    owners: [hac],
    activeSince: monthsAgo(36),
  });
  const teaArea = await area({ code: 'VN-DBIH-0041', name: 'Vùng chè Shan tuyết cổ thụ Sín Chải', crop: 'tea', variety: 'Shan tuyết', area_ha: '30', commune: 'Sín Chải', location: point(103.392, 21.925), standard: 'Hữu cơ', status: 'active', owners: [dinh], activeSince: monthsAgo(40) });
  const pomeloArea = await area({ code: 'VN-DBIH-0047', name: 'Vườn bưởi da xanh Ẳng Cang', crop: 'pomelo', variety: 'Da xanh', area_ha: '6', commune: 'Ẳng Cang', location: point(103.245, 21.5), status: 'active', owners: [on], activeSince: monthsAgo(20) });
  await area({
    code: 'VN-DBIH-0052',
    name: 'Vườn mắc ca Mường Ảng',
    crop: 'macadamia',
    variety: 'OC',
    area_ha: '15',
    commune: 'Mường Ảng',
    location: point(103.2, 21.53),
    status: 'suspended',
    owners: [hac],
    activeSince: monthsAgo(24),
    suspended: { since: monthsAgo(2), reason: 'Kiểm tra phát hiện chưa ghi chép nhật ký canh tác đầy đủ' },
  });
  await area({ code: 'VN-DBIH-0058', name: 'Vùng thảo quả dưới tán rừng Tủa Chùa', crop: 'cardamom', area_ha: '20', commune: 'Tủa Chùa', location: point(103.36, 21.88), status: 'active', owners: [cho], activeSince: monthsAgo(22) });
  await area({ code: 'VN-DBIH-0063', name: 'Đồi táo mèo Tủa Chùa', crop: 'docynia', area_ha: '10', commune: 'Tủa Chùa', location: point(103.34, 21.87), status: 'draft', owners: [cho], activeSince: monthsAgo(1) });

  // The organization's own ceiling for coffee (its Arabica yields less than the default allows).
  await manager.query(`INSERT INTO crop_yield_limit (organization_id, crop, max_yield_t_per_ha) VALUES ($1, 'coffee', 12)`, [organizationId]);

  // Input log.
  const input = (growingAreaId: string, row: Row) =>
    insert(manager, 'input_application', { organization_id: organizationId, growing_area_id: growingAreaId, recorded_by: userId, ...row });
  await input(sengCuArea, { applied_at: daysAgo(150), kind: 'fertiliser', product_name: 'Phân NPK Lâm Thao 5-10-3', dose: '300', dose_unit: 'kg/ha', phi_days: 0 });
  await input(sengCuArea, { applied_at: daysAgo(120), kind: 'pesticide', product_name: 'Anvil 5SC', active_ingredient: 'Hexaconazole', dose: '1', dose_unit: 'l/ha', phi_days: 7 });
  await input(coffeeArea, {
    applied_at: daysAgo(90),
    kind: 'pesticide',
    product_name: 'Bordeaux 25WP',
    active_ingredient: 'Đồng sulfat',
    dose: '2',
    dose_unit: 'kg/ha',
    phi_days: 60,
    voided_at: new Date(),
    voided_by: userId,
    void_reason: 'Ghi nhầm vùng trồng',
  });
  await input(coffeeArea, { applied_at: daysAgo(80), kind: 'fertiliser', product_name: 'Phân hữu cơ vi sinh Sông Gianh', dose: '2', dose_unit: 't/ha', phi_days: 0 });
  await input(teaArea, { applied_at: daysAgo(60), kind: 'fertiliser', product_name: 'Phân chuồng ủ hoai', dose: '10', dose_unit: 't/ha', phi_days: 0 });
  // Sprayed three days ago with a 14-day interval: the harvest window shows a date in the future.
  await input(pomeloArea, { applied_at: daysAgo(3), kind: 'pesticide', product_name: 'Radiant 60SC', active_ingredient: 'Spinetoram', dose: '0.5', dose_unit: 'l/ha', phi_days: 14 });

  // Certifications: OCOP stars (4★ coffee and tea), an expired one kept as expired, VietGAP, organic, HACCP.
  const certification = (row: Row) => insert(manager, 'certification', { organization_id: organizationId, issuer: 'UBND tỉnh Điện Biên', ...row });
  const ocop = (scopeId: string, level: number, number: string, issuedMonthsAgo: number) =>
    certification({
      kind: 'ocop',
      level,
      issuing_level: level === 5 ? 'central' : 'provincial',
      number,
      issued_at: monthsAgo(issuedMonthsAgo),
      expires_at: addMonths(monthsAgo(issuedMonthsAgo), 36),
      scope_type: 'product',
      scope_id: scopeId,
    });
  await ocop(coffee, 3, '2468/QĐ-UBND', 50);
  await ocop(coffee, 4, '1125/QĐ-UBND', 14);
  await ocop(tea, 4, '1125/QĐ-UBND', 14);
  await ocop(sengCu, 3, '2031/QĐ-UBND', 8);
  await ocop(honey, 3, '0987/QĐ-UBND', 20);
  await ocop(driedDocynia, 3, '2031/QĐ-UBND', 8);
  await ocop(vinegar, 3, '1876/QĐ-UBND', 40);
  await ocop(pomelo, 3, '0562/QĐ-UBND', 5);
  await certification({
    kind: 'vietgap',
    number: 'VG-DB-2025-0147',
    issuer: 'Tổ chức chứng nhận VietGAP',
    issued_at: monthsAgo(12),
    expires_at: addMonths(monthsAgo(12), 36),
    scope_type: 'growing_area',
    scope_id: sengCuArea,
  });
  await certification({
    kind: 'organic',
    number: 'HC-TCVN11041-0021',
    issuer: 'Tổ chức chứng nhận hữu cơ TCVN 11041',
    issued_at: monthsAgo(6),
    expires_at: addMonths(monthsAgo(6), 36),
    scope_type: 'growing_area',
    scope_id: teaArea,
  });
  await certification({ kind: 'haccp', number: 'HACCP-0311', issuer: 'Tổ chức chứng nhận HACCP', issued_at: monthsAgo(10), expires_at: addMonths(monthsAgo(10), 36), scope_type: 'facility', scope_id: roastery });
}
