export type LabelLanguage = 'vi' | 'en';

/** Everything printed on the labels of one job, snapshotted by the caller; the same for every label. */
export interface LabelJobView {
  /** Vietnamese product name: always printed, whatever the language. */
  productName: string;
  /** Printed under the Vietnamese name on English labels. */
  productNameEn?: string;
  lotCode: string;
  /** Which date `date` is: harvest for fresh produce, pack for processed goods. */
  dateKind: 'harvest' | 'pack';
  /** Calendar date in Vietnam, `YYYY-MM-DD`. */
  date: string;
  /** Expiry (hạn sử dụng), `YYYY-MM-DD`. */
  expiry?: string;
  growingAreaCode?: string;
  cooperativeName: string;
  /** Shop-shelf fields (Decree 43/2017 on goods labels): net content of one unit ("2 kg"), the producer's address, the origin. */
  netContent?: string;
  producerAddress?: string;
  origin?: string;
  /** GTIN-14: the label then carries a linear barcode a till can scan. */
  gtin?: string;
  /** Only when the product holds a valid OCOP certification: the caller checks validity. */
  ocopStars?: 3 | 4 | 5;
  /** Human-readable link printed under the QR, e.g. `nguon.vn/l/7HKQ2MXR`. */
  shortUrlText: string;
  language: LabelLanguage;
}

/** What differs from one label to the next. */
export interface LabelItem {
  payload: string;
  /** Absent when the job is not serialised. */
  serial?: string;
}

const CAPTIONS = {
  vi: { lot: 'Lô', harvest: 'Ngày thu hoạch', pack: 'Ngày đóng gói', expiry: 'HSD', growingArea: 'Mã vùng trồng', serial: 'Số sê-ri', serialShort: 'Sê-ri', netContent: 'Khối lượng tịnh', address: 'Địa chỉ', origin: 'Xuất xứ' },
  en: { lot: 'Lot', harvest: 'Harvested', pack: 'Packed', expiry: 'Expires', growingArea: 'Growing area', serial: 'Serial', serialShort: 'S/N', netContent: 'Net content', address: 'Address', origin: 'Origin' },
} as const;

export function captions(language: LabelLanguage) {
  return CAPTIONS[language];
}

/** Vietnamese readers expect day/month/year; English labels use ISO dates, which no one misreads. */
export function formatLabelDate(isoDate: string, language: LabelLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return language === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

export type TextLineRole = 'name' | 'nameEn' | 'ocop' | 'netContent' | 'lot' | 'date' | 'expiry' | 'growingArea' | 'cooperative' | 'address' | 'origin' | 'url' | 'serial';

export interface TextLine {
  role: TextLineRole;
  text: string;
  bold: boolean;
  /** A shorter text for a small label, where the whole one would not fit on its row (the serial's caption). */
  short?: string;
}

/**
 * The text block of a label, top to bottom. The serial line carries only its caption: the serial
 * itself is drawn per label after it. The OCOP line's text is followed by vector stars.
 */
export function labelTextLines(view: LabelJobView, serialized: boolean): TextLine[] {
  const caption = captions(view.language);
  // Diacritics may arrive decomposed (from macOS or some keyboards); the font has the precomposed letters.
  const nfc = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lines: TextLine[] = [{ role: 'name', text: nfc(view.productName), bold: true }];
  if (view.language === 'en' && view.productNameEn) {
    lines.push({ role: 'nameEn', text: nfc(view.productNameEn), bold: false });
  }
  if (view.ocopStars) lines.push({ role: 'ocop', text: 'OCOP', bold: true });
  if (view.netContent) lines.push({ role: 'netContent', text: `${caption.netContent}: ${nfc(view.netContent)}`, bold: true });
  lines.push({ role: 'lot', text: `${caption.lot}: ${nfc(view.lotCode)}`, bold: false });
  lines.push({ role: 'date', text: `${caption[view.dateKind]}: ${formatLabelDate(view.date, view.language)}`, bold: false });
  if (view.expiry) {
    lines.push({ role: 'expiry', text: `${caption.expiry}: ${formatLabelDate(view.expiry, view.language)}`, bold: false });
  }
  if (view.growingAreaCode) {
    lines.push({ role: 'growingArea', text: `${caption.growingArea}: ${nfc(view.growingAreaCode)}`, bold: false });
  }
  lines.push({ role: 'cooperative', text: nfc(view.cooperativeName), bold: false });
  if (view.producerAddress) lines.push({ role: 'address', text: `${caption.address}: ${nfc(view.producerAddress)}`, bold: false });
  if (view.origin) lines.push({ role: 'origin', text: `${caption.origin}: ${nfc(view.origin)}`, bold: false });
  lines.push({ role: 'url', text: nfc(view.shortUrlText), bold: false });
  if (serialized) lines.push({ role: 'serial', text: `${caption.serial}: `, bold: false, short: `${caption.serialShort} ` });
  return lines;
}
