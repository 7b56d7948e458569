/**
 * What a programme office's figures are computed over: its confirmed office row, the cooperatives
 * of its province that accepted its oversight (docs/rules.md#oversight-is-granted-never-claimed),
 * narrowed by the dashboard's filters, and the period.
 */
export interface ProgrammeOffice {
  id: string;
  name: string;
  province: string | null;
  provinceCode: string | null;
}

export interface ProgrammeFilters {
  /** First and last local (UTC+07:00) days of the period, inclusive: YYYY-MM-DD. */
  from: string;
  to: string;
  communeCode?: string | null;
  ocopGroup?: number | null;
  organizationId?: string | null;
}

export interface ProgrammeScope {
  office: ProgrammeOffice;
  /** The overseen cooperatives the figures count (after the commune and cooperative filters). */
  organizationIds: string[];
  filters: ProgrammeFilters;
  /** The period as instants: [start, end). */
  start: Date;
  end: Date;
  /** Certificates are valid, expiring or expired as of the period's last day. */
  asOf: string;
}

/** Midnight in Vietnam (UTC+07:00) of a local day, as an instant. */
export function vietnamMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
