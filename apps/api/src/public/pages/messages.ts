import type { ConsumerErrorCode, DisplayLanguage, Stage } from '@app/traceability';

/** Every word of the public pages, Vietnamese first (docs/rules.md#text-is-vietnamese-safe). */
export interface Messages {
  lang: DisplayLanguage;
  otherLang: DisplayLanguage;
  switchLabel: string;
  siteTitle: string;
  tagline: string;
  lot: string;
  traceCode: string;
  harvestDate: string;
  productionDate: string;
  expiry: string;
  shelfLife: (days: number) => string;
  growingArea: string;
  cropVariety: string;
  location: string;
  map: string;
  producer: string;
  brand: string;
  netContent: string;
  serial: string;
  recallTitle: string;
  recallBody: string;
  recallReason: string;
  recalledOn: string;
  verified: (events: number) => string;
  notVerified: string;
  journeyTitle: string;
  stage: Record<Stage, string>;
  household: string;
  facility: string;
  shippedTo: string;
  lotsIn: string;
  lotsOut: string;
  inspectionResult: (result: string) => string;
  inputsTitle: string;
  inputsNone: string;
  phiOk: (days: number, phi: number) => string;
  phiNotOk: (days: number, phi: number) => string;
  inputKind: Record<string, string>;
  activeIngredient: string;
  certificationsTitle: string;
  certificationsNone: string;
  certificationKind: Record<string, string>;
  ocopStars: (stars: number) => string;
  certificateNumber: string;
  validUntil: string;
  issuedBy: string;
  scope: Record<string, string>;
  circularTitle: string;
  circularItems: [string, string, string, string, string, string, string, string, string, string];
  standards: string;
  none: string;
  firstScan: string;
  firstScannedAt: string;
  scanWarning: (scans: number, days: number) => string;
  serialNotIssued: string;
  /** Shown on a page served from memory while the database cannot be reached. */
  staleNote: string;
  machineReadable: string;
  linksetLink: string;
  epcisLink: string;
  recallStatusLink: string;
  poweredBy: string;
  /** The share link (Web Share API, else the address copied). */
  share: string;
  shareCopied: string;
  productLots: string;
  productNoLots: string;
  /** The location trace code of a production stage (Circular 02/2024/TT-BKHCN), by its kind. */
  locationCode: string;
  locationScheme: Record<'gln' | 'facility' | 'growing_area', string>;
  /** A Digital Link naming a lot this product does not have: the product page is shown instead (GS1 walk-up). */
  lotNotFound: (code: string) => string;
  statusRecalled: string;
  errorTitle: Record<number, string>;
  errorBody: Record<number, string>;
  /** What the error page says for each code a person scanning a label can meet (before errorBody, by status). */
  errorByCode: Record<ConsumerErrorCode, string>;
  backHint: string;
  processNames: Record<string, string>;
  /** Links from a lot page to the OCOP showcase (issue 20). */
  showcaseProducer: string;
  showcaseProduct: string;
  lotStatus: string;
  active: string;
}

const vi: Messages = {
  lang: 'vi',
  otherLang: 'en',
  switchLabel: 'English',
  siteTitle: 'Nguồn',
  tagline: 'Truy xuất nguồn gốc',
  lot: 'Mã lô',
  traceCode: 'Mã truy xuất',
  harvestDate: 'Ngày thu hoạch',
  productionDate: 'Ngày sản xuất',
  expiry: 'Hạn sử dụng',
  shelfLife: (days) => `${days} ngày kể từ ngày sản xuất`,
  growingArea: 'Mã số vùng trồng',
  cropVariety: 'Cây trồng / giống',
  location: 'Địa điểm',
  map: 'Xem bản đồ',
  producer: 'Cơ sở sản xuất',
  brand: 'Nhãn hiệu',
  netContent: 'Khối lượng tịnh',
  serial: 'Số sê-ri',
  recallTitle: 'SẢN PHẨM ĐANG BỊ THU HỒI',
  recallBody: 'Không sử dụng sản phẩm thuộc lô này. Vui lòng liên hệ nơi bán hoặc cơ sở sản xuất.',
  recallReason: 'Lý do',
  recalledOn: 'Thu hồi ngày',
  verified: (events) => `Nhật ký sản xuất toàn vẹn: đã kiểm chứng chuỗi ${events} sự kiện`,
  notVerified: 'Cảnh báo: không kiểm chứng được tính toàn vẹn của nhật ký sản xuất',
  journeyTitle: 'Hành trình sản phẩm',
  stage: {
    harvest: 'Thu hoạch',
    processing: 'Chế biến',
    packing: 'Đóng gói',
    split: 'Chia lô',
    shipping: 'Vận chuyển',
    receiving: 'Tiếp nhận',
    inspection: 'Kiểm nghiệm',
    recall: 'Thu hồi',
  },
  household: 'Hộ sản xuất',
  facility: 'Cơ sở',
  shippedTo: 'Giao đến',
  lotsIn: 'Từ lô',
  lotsOut: 'Mã lô',
  inspectionResult: (result) => (result === 'conformant' ? 'Kết quả: đạt' : result === 'non_conformant' ? 'Kết quả: không đạt' : `Kết quả: ${result}`),
  inputsTitle: 'Nhật ký canh tác',
  inputsNone: 'Không ghi nhận phân bón hay thuốc bảo vệ thực vật trong 12 tháng trước thu hoạch.',
  phiOk: (days, phi) => `cách thu hoạch ${days} ngày (thời gian cách ly ${phi} ngày) ✓`,
  phiNotOk: (days, phi) => `cách thu hoạch ${days} ngày — chưa đủ thời gian cách ly ${phi} ngày`,
  inputKind: { fertiliser: 'Phân bón', pesticide: 'Thuốc BVTV', other: 'Vật tư khác' },
  activeIngredient: 'hoạt chất',
  certificationsTitle: 'Chứng nhận còn hiệu lực',
  certificationsNone: 'Chưa có chứng nhận còn hiệu lực.',
  certificationKind: { ocop: 'OCOP', vietgap: 'VietGAP', globalgap: 'GlobalG.A.P.', organic: 'Hữu cơ', haccp: 'HACCP', other: 'Chứng nhận khác' },
  ocopStars: (stars) => `OCOP ${stars} sao`,
  certificateNumber: 'Số',
  validUntil: 'hiệu lực đến',
  issuedBy: 'cấp bởi',
  scope: { product: 'Sản phẩm', growing_area: 'Vùng trồng', facility: 'Cơ sở', organization: 'Tổ chức' },
  circularTitle: 'Thông tin truy xuất theo Thông tư 02/2024/TT-BKHCN',
  circularItems: [
    'Tên sản phẩm',
    'Hình ảnh sản phẩm',
    'Tên cơ sở sản xuất, kinh doanh',
    'Địa chỉ',
    'Các công đoạn sản xuất, kinh doanh',
    'Thời gian sản xuất',
    'Mã truy vết sản phẩm',
    'Nhãn hiệu / số sê-ri',
    'Hạn sử dụng',
    'Tiêu chuẩn, quy chuẩn áp dụng',
  ],
  standards: 'Tiêu chuẩn áp dụng',
  none: 'Không có',
  firstScan: 'Đây là lần quét đầu tiên của tem này.',
  firstScannedAt: 'Tem được quét lần đầu lúc',
  scanWarning: (scans, days) =>
    `Tem này đã được quét ${scans} lần trong ${days} ngày khác nhau — nhiều bất thường. Nếu nghi tem bị sao chép, hãy báo cho cơ sở sản xuất.`,
  serialNotIssued: 'Cảnh báo: số sê-ri này không được cấp cho lô hàng này. Tem có thể là giả.',
  machineReadable: 'Dữ liệu cho máy đọc',
  linksetLink: 'Danh sách liên kết (Linkset)',
  epcisLink: 'Nhật ký truy xuất (EPCIS)',
  recallStatusLink: 'Tình trạng thu hồi',
  poweredBy: 'Trang truy xuất do Nguồn cung cấp',
  share: 'Chia sẻ trang này',
  shareCopied: 'Đã chép đường dẫn — dán vào Zalo, Facebook hoặc tin nhắn.',
  productLots: 'Các lô hàng',
  productNoLots: 'Chưa có lô hàng nào.',
  locationCode: 'Mã truy vết địa điểm',
  locationScheme: { gln: 'GLN', facility: 'mã cơ sở', growing_area: 'mã vùng trồng' },
  lotNotFound: (code) => `Không tìm thấy lô «${code}» của sản phẩm này. Dưới đây là thông tin chung về sản phẩm; nếu mã in trên bao bì khác, hãy báo cho cơ sở sản xuất.`,
  statusRecalled: 'Đã thu hồi',
  staleNote:
    'Hệ thống đang tạm gián đoạn: thông tin dưới đây là bản đã lưu và có thể chưa được cập nhật (kể cả thông báo thu hồi). Vui lòng quét lại sau ít phút.',
  errorTitle: { 400: 'Mã không hợp lệ', 404: 'Không tìm thấy', 410: 'Lô hàng đã bị hủy', 429: 'Quá nhiều yêu cầu', 500: 'Lỗi hệ thống', 503: 'Tạm thời gián đoạn' },
  errorBody: {
    400: 'Đường dẫn hoặc mã sản phẩm không hợp lệ. Hãy quét lại mã QR trên bao bì.',
    404: 'Không tìm thấy sản phẩm hoặc lô hàng với mã này. Sản phẩm có thể không chính hãng.',
    410: 'Bản ghi lô hàng này đã bị cơ sở sản xuất hủy.',
    429: 'Vui lòng thử lại sau ít phút.',
    500: 'Đã xảy ra lỗi. Vui lòng thử lại sau.',
    503: 'Hệ thống truy xuất đang tạm gián đoạn. Vui lòng quét lại mã sau ít phút.',
  },
  errorByCode: {
    RESOLVER_PATH_MALFORMED: 'Đường dẫn hoặc mã sản phẩm không hợp lệ. Hãy quét lại mã QR trên bao bì.',
    LINK_TYPE_NOT_FOUND: 'Sản phẩm này không có thông tin loại được yêu cầu. Hãy mở trang sản phẩm từ mã QR.',
    LOT_NOT_FOUND: 'Không tìm thấy sản phẩm hoặc lô hàng với mã này. Sản phẩm có thể không chính hãng.',
    PRODUCT_NOT_FOUND: 'Không tìm thấy sản phẩm với mã vạch này. Sản phẩm có thể không chính hãng.',
    LOT_VOIDED: 'Bản ghi lô hàng này đã bị cơ sở sản xuất hủy.',
    NOT_FOUND: 'Không tìm thấy trang này. Hãy quét lại mã QR trên bao bì.',
    METHOD_NOT_ALLOWED: 'Trang này chỉ để xem. Hãy quét lại mã QR trên bao bì.',
    RATE_LIMITED: 'Vui lòng thử lại sau ít phút.',
    INTERNAL_ERROR: 'Đã xảy ra lỗi. Vui lòng thử lại sau.',
    DATABASE_UNAVAILABLE: 'Hệ thống truy xuất đang tạm gián đoạn. Vui lòng quét lại mã sau ít phút.',
  },
  backHint: 'Mã tham chiếu',
  showcaseProducer: 'Về cơ sở sản xuất',
  showcaseProduct: 'Trang sản phẩm OCOP',
  processNames: {
    merge: 'Gộp lô',
    mill: 'Xay xát',
    milling: 'Xay xát',
    pack: 'Đóng gói',
    packing: 'Đóng gói',
    dry: 'Sấy khô',
    drying: 'Sấy khô',
    roast: 'Rang',
    roasting: 'Rang',
    sort: 'Phân loại',
    sorting: 'Phân loại',
    clean: 'Làm sạch',
    cleaning: 'Làm sạch',
    ferment: 'Lên men',
    fermentation: 'Lên men',
    polish: 'Đánh bóng',
    hull: 'Xay bóc vỏ',
    grind: 'Xay',
  },
  lotStatus: 'Tình trạng',
  active: 'Đang lưu hành',
};

const en: Messages = {
  lang: 'en',
  otherLang: 'vi',
  switchLabel: 'Tiếng Việt',
  siteTitle: 'Nguồn',
  tagline: 'Product traceability',
  lot: 'Lot',
  traceCode: 'Trace code',
  harvestDate: 'Harvest date',
  productionDate: 'Production date',
  expiry: 'Best before',
  shelfLife: (days) => `${days} days from production`,
  growingArea: 'Growing-area code',
  cropVariety: 'Crop / variety',
  location: 'Location',
  map: 'View map',
  producer: 'Producer',
  brand: 'Brand',
  netContent: 'Net content',
  serial: 'Serial',
  recallTitle: 'THIS PRODUCT IS BEING RECALLED',
  recallBody: 'Do not use products from this lot. Please contact the seller or the producer.',
  recallReason: 'Reason',
  recalledOn: 'Recalled on',
  verified: (events) => `Production journal intact: hash chain of ${events} events verified`,
  notVerified: 'Warning: the integrity of the production journal could not be verified',
  journeyTitle: 'Journey of this product',
  stage: {
    harvest: 'Harvest',
    processing: 'Processing',
    packing: 'Packing',
    split: 'Lot split',
    shipping: 'Shipping',
    receiving: 'Receiving',
    inspection: 'Inspection',
    recall: 'Recall',
  },
  household: 'Grown by',
  facility: 'Facility',
  shippedTo: 'Shipped to',
  lotsIn: 'From lots',
  lotsOut: 'Lot',
  inspectionResult: (result) => (result === 'conformant' ? 'Result: pass' : result === 'non_conformant' ? 'Result: fail' : `Result: ${result}`),
  inputsTitle: 'Farming inputs',
  inputsNone: 'No fertiliser or pesticide recorded in the 12 months before harvest.',
  phiOk: (days, phi) => `${days} days before harvest (pre-harvest interval ${phi} days) ✓`,
  phiNotOk: (days, phi) => `${days} days before harvest — short of the ${phi}-day pre-harvest interval`,
  inputKind: { fertiliser: 'Fertiliser', pesticide: 'Pesticide', other: 'Other input' },
  activeIngredient: 'active ingredient',
  certificationsTitle: 'Valid certifications',
  certificationsNone: 'No valid certification.',
  certificationKind: { ocop: 'OCOP', vietgap: 'VietGAP', globalgap: 'GlobalG.A.P.', organic: 'Organic', haccp: 'HACCP', other: 'Other certification' },
  ocopStars: (stars) => `OCOP ${stars} stars`,
  certificateNumber: 'No.',
  validUntil: 'valid until',
  issuedBy: 'issued by',
  scope: { product: 'Product', growing_area: 'Growing area', facility: 'Facility', organization: 'Organization' },
  circularTitle: 'Traceability data under Circular 02/2024/TT-BKHCN',
  circularItems: [
    'Product name',
    'Product image',
    'Producer or trader',
    'Address',
    'Production and business stages',
    'Production time',
    'Traceability code',
    'Brand / serial number',
    'Shelf life',
    'Standards and regulations applied',
  ],
  standards: 'Standards applied',
  none: 'None',
  firstScan: 'This is the first scan of this label.',
  firstScannedAt: 'This label was first scanned on',
  scanWarning: (scans, days) =>
    `This label has been scanned ${scans} times on ${days} different days — unusually often. If the label looks copied, please tell the producer.`,
  serialNotIssued: 'Warning: this serial number was not issued for this lot. The label may be counterfeit.',
  machineReadable: 'Machine-readable data',
  linksetLink: 'List of links (Linkset)',
  epcisLink: 'Traceability events (EPCIS)',
  recallStatusLink: 'Recall status',
  poweredBy: 'Traceability page by Nguồn',
  share: 'Share this page',
  shareCopied: 'Link copied — paste it into a message.',
  productLots: 'Lots',
  productNoLots: 'No lots yet.',
  locationCode: 'Location trace code',
  locationScheme: { gln: 'GLN', facility: 'facility code', growing_area: 'growing area code' },
  lotNotFound: (code) => `Lot «${code}» of this product was not found. Below is the product's general information; if the code printed on the pack differs, please tell the producer.`,
  statusRecalled: 'Recalled',
  staleNote: 'The service is briefly unavailable: this is a saved copy and may not be current (recalls included). Please scan again in a few minutes.',
  errorTitle: { 400: 'Invalid code', 404: 'Not found', 410: 'Lot cancelled', 429: 'Too many requests', 500: 'Server error', 503: 'Temporarily unavailable' },
  errorBody: {
    400: 'The link or product code is not valid. Please scan the QR code on the pack again.',
    404: 'No product or lot has this code. The product may not be genuine.',
    410: 'The producer has cancelled the record of this lot.',
    429: 'Please try again in a few minutes.',
    500: 'Something went wrong. Please try again later.',
    503: 'The traceability service is briefly unavailable. Please scan the code again in a few minutes.',
  },
  errorByCode: {
    RESOLVER_PATH_MALFORMED: 'The link or product code is not valid. Please scan the QR code on the pack again.',
    LINK_TYPE_NOT_FOUND: 'This product has no information of the kind asked for. Open the product page from the QR code.',
    LOT_NOT_FOUND: 'No product or lot has this code. The product may not be genuine.',
    PRODUCT_NOT_FOUND: 'No product has this barcode. The product may not be genuine.',
    LOT_VOIDED: 'The producer has cancelled the record of this lot.',
    NOT_FOUND: 'This page does not exist. Please scan the QR code on the pack again.',
    METHOD_NOT_ALLOWED: 'This page can only be viewed. Please scan the QR code on the pack again.',
    RATE_LIMITED: 'Please try again in a few minutes.',
    INTERNAL_ERROR: 'Something went wrong. Please try again later.',
    DATABASE_UNAVAILABLE: 'The traceability service is briefly unavailable. Please scan the code again in a few minutes.',
  },
  backHint: 'Reference',
  showcaseProducer: 'About the producer',
  showcaseProduct: 'OCOP product page',
  processNames: {
    merge: 'Merging',
    'gộp lô': 'Merging',
    mill: 'Milling',
    'xay xát': 'Milling',
    pack: 'Packing',
    'đóng gói': 'Packing',
    dry: 'Drying',
    'sấy': 'Drying',
    roast: 'Roasting',
    rang: 'Roasting',
    sort: 'Sorting',
    'phân loại': 'Sorting',
    clean: 'Cleaning',
    ferment: 'Fermentation',
    polish: 'Polishing',
  },
  lotStatus: 'Status',
  active: 'On sale',
};

export const MESSAGES: Record<DisplayLanguage, Messages> = { vi, en };

/** The operator's process name in the page language when we know it (merge → Gộp lô), else as typed. */
export function processLabel(process: string, messages: Messages): string {
  const key = process.trim().toLowerCase().normalize('NFC');
  return messages.processNames[key] ?? process.trim();
}
