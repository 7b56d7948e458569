import type { CoverageRow } from './programme.repository.js';

/** The activity of a month over part of the province: a commune, a product group or the whole. */
export interface ReportActivity {
  certifiedProducts: number;
  coveredProducts: number;
  /** Share of certified products covered, 0–1 with 4 decimals; null without certified products. */
  coverage: number | null;
  lots: number;
  harvestedKg: string;
  processedKg: string;
  labelsPrinted: number;
  scans: number;
}

export interface ReportCommuneRow extends ReportActivity {
  communeCode: string | null;
  commune: string;
  cooperatives: number;
  activeCooperatives: number;
}

export interface ReportGroupRow extends ReportActivity {
  group: number;
  name: string;
  ocopValid: number;
  stars3: number;
  stars4: number;
  stars5: number;
}

/**
 * Everything a monthly province report says, computed from the records as of the month's last day
 * (or today, for the month in progress). Rendering the same month over the same records gives the
 * same content, hence the same `contentSha256`.
 */
export interface ProgrammeReportContent {
  office: { name: string; province: string | null; provinceCode: string | null };
  month: string;
  period: { from: string; to: string };
  summary: ReportActivity & {
    cooperatives: { linked: number; active: number; inactive: number };
    ocop: { products: number; stars3: number; stars4: number; stars5: number; valid: number; expiringWithin90Days: number; expiringWithin30Days: number; expired: number };
    growingAreas: { areas: number; active: number; suspended: number; revoked: number; totalAreaHa: string };
    openRecalls: number;
    yieldOverrides: number;
    copiedLabels: number;
  };
  communes: ReportCommuneRow[];
  groups: ReportGroupRow[];
  certificatesExpiring: { productName: string; organizationName: string; stars: number; number: string | null; expiresAt: string }[];
  shortfalls: Pick<CoverageRow, 'productName' | 'organizationName' | 'stars' | 'lots' | 'tracedLots' | 'shortfall'>[];
  recalls: { rootLotCode: string; organizationName: string; recalledAt: string; reason: string | null; lots: number; organizations: number; labelsPrinted: number }[];
  withdrawnAreas: { code: string; name: string; status: string; lotsOnSale: number }[];
}

export const SHORTFALL_TEXT: Record<string, string> = {
  no_lots: 'không có lô trong tháng',
  no_growing_area: 'lô không truy được về vùng trồng',
  no_labels: 'chưa in tem',
};

export const AREA_STATUS_TEXT: Record<string, string> = { draft: 'Nháp', active: 'Hoạt động', suspended: 'Đình chỉ', revoked: 'Thu hồi' };

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export const vnDate = (day: string): string => day.slice(0, 10).split('-').reverse().join('/');

/** A decimal string of kilograms, written the Vietnamese way (25.000,5). */
export const vnNumber = (value: string | number, digits = 1): string =>
  Number(value).toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export const vnShare = (share: number | null): string => (share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);
