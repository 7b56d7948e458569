import PDFDocument from 'pdfkit';
import { defaultLabelFonts } from '@app/labels';
import { AREA_STATUS_TEXT, SHORTFALL_TEXT, vnDate, vnNumber, vnShare, type ProgrammeReportContent, type ReportActivity } from './programme-report.content.js';

const MARGIN = 40;
const A4: [number, number] = [595.28, 841.89];
const BOTTOM = A4[1] - MARGIN;
const WIDTH = A4[0] - 2 * MARGIN;

type Cell = string | number;
/** Cells of figures (25.000,5 · 33,3 % · 2 / 1 · —) are right-aligned. */
const NUMERIC = /^[\d.,\s%\/()—-]*(ha)?$/;

/** A table that breaks across pages, repeating its header; columns are shares of the page width. */
function table(doc: PDFKit.PDFDocument, headers: string[], shares: number[], rows: Cell[][]): void {
  if (shares.length !== headers.length) throw new Error(`a table of ${headers.length} columns was given ${shares.length} widths`);
  const widths = shares.map((share) => (share / shares.reduce((a, b) => a + b, 0)) * WIDTH);
  const line = (cells: Cell[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(String(cell), { width: widths[i] - 4 }))) + 4;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      if (!bold) line(headers, true);
    }
    const y = doc.y;
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, y, WIDTH, height).fill('#e7ebe3').fillColor('black');
    cells.forEach((cell, i) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(8).text(String(cell), x + 2, y + 2, { width: widths[i] - 4, align: i > 0 && NUMERIC.test(String(cell)) ? 'right' : 'left' });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + WIDTH, y + height).lineWidth(0.3).strokeColor('#8a8f85').stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  line(headers, true);
  for (const row of rows) line(row, false);
  doc.moveDown(1);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y + 60 > BOTTOM) doc.addPage();
  doc.x = MARGIN;
  doc.font('bold').fontSize(12).fillColor('#1f4d2e').text(text, { width: WIDTH }).fillColor('black').moveDown(0.4);
}

const activityHeaders = ['SP OCOP', 'Truy xuất đủ', 'Độ phủ', 'Lô', 'Thu hoạch (kg)', 'Chế biến (kg)', 'Tem', 'Quét'];
const activityCells = (r: ReportActivity): Cell[] => [r.certifiedProducts, r.coveredProducts, vnShare(r.coverage), r.lots, vnNumber(r.harvestedKg), vnNumber(r.processedKg), r.labelsPrinted, r.scans];

/**
 * The monthly report as an A4 PDF in Vietnamese (Noto Sans, embedded: every diacritic renders on any
 * machine). Its metadata dates are the month's last day, not the render's.
 */
export function reportPdf(content: ProgrammeReportContent): Promise<Buffer> {
  const fonts = defaultLabelFonts();
  const day = new Date(`${content.period.to}T00:00:00Z`);
  const title = `Báo cáo OCOP tháng ${content.month.slice(5)}/${content.month.slice(0, 4)} — ${content.office.province ?? ''}`;
  const doc = new PDFDocument({ size: A4, margin: MARGIN, info: { Title: title, Author: content.office.name, Creator: 'Nguồn', Producer: 'Nguồn', CreationDate: day, ModDate: day } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const s = content.summary;
  doc.font('bold').fontSize(16).text(title, { width: WIDTH });
  doc.font('regular').fontSize(10).text(`${content.office.name} · từ ${vnDate(content.period.from)} đến ${vnDate(content.period.to)}`, { width: WIDTH }).moveDown(1);

  heading(doc, 'Tổng hợp');
  table(doc, ['Chỉ tiêu', 'Giá trị'], [3, 1], [
    ['Hợp tác xã liên kết / hoạt động trong tháng', `${s.cooperatives.linked} / ${s.cooperatives.active}`],
    ['Sản phẩm OCOP còn hiệu lực (3 / 4 / 5 sao)', `${s.ocop.valid} (${s.ocop.stars3} / ${s.ocop.stars4} / ${s.ocop.stars5})`],
    ['Giấy chứng nhận hết hạn trong 90 ngày / 30 ngày / đã hết hạn', `${s.ocop.expiringWithin90Days} / ${s.ocop.expiringWithin30Days} / ${s.ocop.expired}`],
    ['Độ phủ truy xuất (sản phẩm truy xuất đầy đủ / có chứng nhận)', `${vnShare(s.coverage)} (${s.coveredProducts}/${s.certifiedProducts})`],
    ['Vùng trồng (hoạt động / đình chỉ / thu hồi), diện tích', `${s.growingAreas.areas} (${s.growingAreas.active} / ${s.growingAreas.suspended} / ${s.growingAreas.revoked}), ${vnNumber(s.growingAreas.totalAreaHa, 2)} ha`],
    ['Lô sản xuất trong tháng', s.lots],
    ['Thu hoạch / chế biến (kg)', `${vnNumber(s.harvestedKg)} / ${vnNumber(s.processedKg)}`],
    ['Tem đã in / lượt quét', `${s.labelsPrinted} / ${s.scans}`],
    ['Thu hồi đang mở / vượt sản lượng có lý do / tem nghi sao chép', `${s.openRecalls} / ${s.yieldOverrides} / ${s.copiedLabels}`],
  ]);

  heading(doc, 'Theo xã, phường');
  table(doc, ['Xã, phường', 'HTX', 'Hoạt động', ...activityHeaders], [3, 0.7, 0.9, 0.9, 0.9, 0.9, 0.7, 1.2, 1.2, 0.8, 0.8], content.communes.map((c) => [c.commune, c.cooperatives, c.activeCooperatives, ...activityCells(c)]));

  heading(doc, 'Theo nhóm sản phẩm OCOP');
  table(doc, ['Nhóm', 'Còn hiệu lực', '3/4/5 sao', ...activityHeaders], [3, 1, 1.2, 1, 1, 1, 0.8, 1.3, 1.3, 0.8, 0.8], content.groups.map((g) => [`${g.group}. ${g.name}`, g.ocopValid, `${g.stars3}/${g.stars4}/${g.stars5}`, ...activityCells(g)]));

  heading(doc, 'Giấy chứng nhận OCOP hết hạn trong 90 ngày');
  table(doc, ['Sản phẩm', 'Hợp tác xã', 'Sao', 'Hết hạn'], [3, 3, 0.6, 1.2], content.certificatesExpiring.map((c) => [c.productName, c.organizationName, c.stars, vnDate(c.expiresAt)]));

  heading(doc, 'Sản phẩm OCOP chưa truy xuất đầy đủ');
  table(doc, ['Sản phẩm', 'Hợp tác xã', 'Lô', 'Lý do'], [3, 3, 0.6, 2.5], content.shortfalls.map((r) => [r.productName, r.organizationName, r.lots, SHORTFALL_TEXT[r.shortfall ?? ''] ?? '']));

  heading(doc, 'Thu hồi trong tháng');
  table(doc, ['Lô gốc', 'Hợp tác xã', 'Ngày', 'Số lô', 'Tổ chức', 'Tem'], [2, 3, 1.2, 0.8, 0.8, 0.8], content.recalls.map((r) => [r.rootLotCode, r.organizationName, vnDate(r.recalledAt), r.lots, r.organizations, r.labelsPrinted]));

  heading(doc, 'Vùng trồng bị đình chỉ, thu hồi mã còn hàng đang bán');
  table(doc, ['Mã vùng', 'Tên vùng', 'Trạng thái', 'Lô còn bán'], [2, 3, 1.2, 1], content.withdrawnAreas.map((a) => [a.code, a.name, AREA_STATUS_TEXT[a.status] ?? a.status, a.lotsOnSale]));

  doc.end();
  return done;
}
