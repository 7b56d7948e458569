import type { Caller } from '../accounts/caller.js';
import type { CellValue } from './cell-values.js';

export const IMPORT_KIND_NAMES = ['partners', 'growing-areas', 'products', 'facilities', 'certifications', 'input-applications'] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

/** A value a column accepts, with the words a clerk may type for it in either language. */
export interface AllowedValue {
  value: string | number;
  vi: string;
  en: string;
}

/** One column of a template: the API field it fills, its headers, and how a cell becomes a field value. */
export interface ImportColumn {
  /** The API request field (or a helper field such as latitude, turned into the request by toInput). */
  key: string;
  vi: string;
  en: string;
  required?: boolean;
  /** Other headers clerks use for this column ("SĐT" for the phone). */
  aliases?: readonly string[];
  /** Shown under the header in the template: what to write, in each language. */
  hintVi?: string;
  hintEn?: string;
  allowed?: readonly AllowedValue[];
  /** Cell → field value. Throws an InvalidFieldException naming the field for a cell it cannot read. */
  read(cell: CellValue, field: string): unknown;
}

/** The cells of one data row, by column key (missing columns are absent). */
export type RowCells = Record<string, CellValue>;

/** Context of one import: references (owner households…) resolved once for the whole file. */
export interface ImportContext {
  caller: Caller;
  lookups: Map<string, unknown>;
}

/**
 * One kind of record a spreadsheet can bring in. The rows become the API's own request bodies; the
 * checks and the writes are the registry services' (docs/rules.md#bad-input-changes-nothing), so an
 * imported record obeys exactly what a record typed in the console does.
 */
export interface ImportKind<Input extends object = Record<string, unknown>> {
  name: ImportKindName;
  titleVi: string;
  titleEn: string;
  columns: readonly ImportColumn[];
  /** Example rows of the template, by column key. */
  examples: readonly RowCells[];
  /** Loads what the rows refer to (once per file). */
  prepare?(caller: Caller): Promise<Map<string, unknown>>;
  /** The request body of a row. Throws an InvalidFieldException for a reference it cannot resolve. */
  toInput(values: Record<string, unknown>, context: ImportContext): Input;
  /** What identifies the record in the organization, so a second upload finds it instead of duplicating it. */
  naturalKey(input: Input): string;
  /** Natural key → id of the organization's existing records. */
  existingKeys(organizationId: string): Promise<Map<string, string>>;
  /** The service's own checks, without writing. */
  check(caller: Caller, input: Input): Promise<void>;
  create(caller: Caller, input: Input): Promise<{ id: string }>;
  /** Absent for records that are corrected otherwise (voided, not edited): existing ones are left alone. */
  update?(caller: Caller, id: string, input: Input): Promise<{ id: string }>;
}
