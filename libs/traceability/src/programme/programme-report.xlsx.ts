import ExcelJS from 'exceljs';
import { AREA_STATUS_TEXT, SHORTFALL_TEXT, vnDate, type ProgrammeReportContent } from './programme-report.content.js';

type Column = [header: string, width: number];

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: unknown[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row);
}

const num = (value: string | number) => Number(value);
const share = (value: number | null) => (value === null ? null : value);

/**
 * The monthly report as a workbook: one sheet per table, numbers as numbers (kg, shares 0–1) so the
 * office can compute with them; headers in Vietnamese. Its dates are the month's, not the render's.
 */
export async function reportWorkbook(content: ProgrammeReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nguồn';
  workbook.created = new Date(`${content.period.to}T00:00:00Z`);
  workbook.modified = workbook.created;
  const s = content.summary;
  sheet(workbook, 'Tổng hợp', [['Chỉ tiêu', 48], ['Giá trị', 18]], [
    ['Đơn vị', content.office.name],
    ['Tỉnh, thành phố', content.office.province ?? ''],
    ['Tháng', content.month],
    ['Từ ngày', vnDate(content.period.from)],
    ['Đến ngày', vnDate(content.period.to)],
    ['Hợp tác xã liên kết', s.cooperatives.linked],
    ['Hợp tác xã hoạt động trong tháng', s.cooperatives.active],
    ['Hợp tác xã không hoạt động', s.cooperatives.inactive],
    ['Sản phẩm OCOP còn hiệu lực', s.ocop.valid],
    ['Sản phẩm 3 sao', s.ocop.stars3],
    ['Sản phẩm 4 sao', s.ocop.stars4],
    ['Sản phẩm 5 sao', s.ocop.stars5],
    ['Giấy chứng nhận hết hạn trong 90 ngày', s.ocop.expiringWithin90Days],
    ['Giấy chứng nhận hết hạn trong 30 ngày', s.ocop.expiringWithin30Days],
    ['Giấy chứng nhận đã hết hạn', s.ocop.expired],
    ['Sản phẩm OCOP được truy xuất đầy đủ', s.coveredProducts],
    ['Độ phủ truy xuất (tỷ lệ)', share(s.coverage)],
    ['Vùng trồng', s.growingAreas.areas],
    ['Diện tích vùng trồng (ha)', num(s.growingAreas.totalAreaHa)],
    ['Lô sản xuất trong tháng', s.lots],
    ['Thu hoạch (kg)', num(s.harvestedKg)],
    ['Chế biến (kg)', num(s.processedKg)],
    ['Tem đã in', s.labelsPrinted],
    ['Lượt quét', s.scans],
    ['Thu hồi đang mở', s.openRecalls],
    ['Vượt sản lượng có lý do', s.yieldOverrides],
    ['Tem nghi sao chép', s.copiedLabels],
  ]);
  const activity: Column[] = [['Sản phẩm OCOP có chứng nhận', 14], ['Truy xuất đầy đủ', 12], ['Độ phủ (tỷ lệ)', 12], ['Lô', 8], ['Thu hoạch (kg)', 14], ['Chế biến (kg)', 14], ['Tem đã in', 10], ['Lượt quét', 10]];
  const activityRow = (r: ProgrammeReportContent['communes'][number] | ProgrammeReportContent['groups'][number]) => [
    r.certifiedProducts, r.coveredProducts, share(r.coverage), r.lots, num(r.harvestedKg), num(r.processedKg), r.labelsPrinted, r.scans,
  ];
  sheet(workbook, 'Theo xã', [['Mã xã', 8], ['Xã, phường', 28], ['Hợp tác xã', 10], ['Hoạt động', 10], ...activity],
    content.communes.map((c) => [c.communeCode ?? '', c.commune, c.cooperatives, c.activeCooperatives, ...activityRow(c)]));
  sheet(workbook, 'Theo nhóm sản phẩm', [['Nhóm', 6], ['Tên nhóm', 30], ['OCOP còn hiệu lực', 10], ['3 sao', 7], ['4 sao', 7], ['5 sao', 7], ...activity],
    content.groups.map((g) => [g.group, g.name, g.ocopValid, g.stars3, g.stars4, g.stars5, ...activityRow(g)]));
  sheet(workbook, 'Chứng nhận sắp hết hạn', [['Sản phẩm', 30], ['Hợp tác xã', 30], ['Sao', 6], ['Số quyết định', 18], ['Hết hạn', 12]],
    content.certificatesExpiring.map((c) => [c.productName, c.organizationName, c.stars, c.number ?? '', vnDate(c.expiresAt)]));
  sheet(workbook, 'Sản phẩm chưa đạt', [['Sản phẩm', 30], ['Hợp tác xã', 30], ['Sao', 6], ['Lô', 6], ['Lô truy được', 10], ['Lý do', 30]],
    content.shortfalls.map((r) => [r.productName, r.organizationName, r.stars, r.lots, r.tracedLots, SHORTFALL_TEXT[r.shortfall ?? ''] ?? '']));
  sheet(workbook, 'Thu hồi', [['Lô gốc', 20], ['Hợp tác xã', 30], ['Ngày', 12], ['Lý do', 40], ['Số lô', 8], ['Số tổ chức', 10], ['Tem đã in', 10]],
    content.recalls.map((r) => [r.rootLotCode, r.organizationName, vnDate(r.recalledAt), r.reason ?? '', r.lots, r.organizations, r.labelsPrinted]));
  sheet(workbook, 'Vùng bị thu hồi còn hàng', [['Mã vùng', 20], ['Tên vùng', 30], ['Trạng thái', 12], ['Lô còn bán', 10]],
    content.withdrawnAreas.map((a) => [a.code, a.name, AREA_STATUS_TEXT[a.status] ?? a.status, a.lotsOnSale]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
