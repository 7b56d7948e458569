import { Inject, Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import type { Db } from '@app/database';
import type { DateTimeWithOffset } from '../../common/dates.js';
import { DomainException, InvalidFieldException } from '../../common/domain.exception.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { parseQuantity, parseUnit, type Unit } from '../../common/units.js';
import { CLOCK, type Clock } from '../../lots/clock.js';
import type { ProductRecord } from '../../lots/lot-registry.repository.js';
import type { LockedLot } from '../../lots/lots.repository.js';
import { LotCodes } from '../../lots/operations/lot-codes.js';
import { assertDistinct, checkInputs } from '../../lots/operations/lot-rules.js';
import { pastDateTime } from '../../lots/operations/operation-time.js';
import { TransformOperation } from '../../lots/operations/transform.operation.js';
import { choiceColumn, dateColumn, decimalColumn, textColumn } from '../columns.js';
import type { RowCells } from '../import-kind.js';
import type { RowError } from '../row-errors.js';
import type { SheetRow } from '../spreadsheet.js';
import { errorsAt, readRowCells } from './history-cells.js';
import type { CheckedRow, HistoryKind, HistoryRun, HistoryRunOptions } from './history-kind.js';
import { UNIT_CHOICES } from './harvests.kind.js';
import { importedKeys, recordKeys } from './record-keys.js';
import { facilitiesOf, facilityMatch, productsOf, uniqueMatch } from './registry-lookups.js';

/** A processing row as checked: TransformOperation's request, with its input lots named by code. */
interface ProcessingPlan {
  key: string;
  inputs: { code: string; quantity: string; unit: Unit }[];
  product: ProductRecord;
  quantity: string;
  unit: Unit;
  occurredAt: string;
  occurred: DateTimeWithOffset;
  process: string;
  lotCode: string | null;
  facilityId: string | null;
}

/** The lots a row may draw from, as the mass-balance rules read them. */
type KnownLot = LockedLot;

/** "SC-2025-001: 1.200; SC-2025-002: 800,5" → codes and quantities (Vietnamese numbers). */
function inputList(cell: unknown): { code: string; quantity: string }[] {
  const text = String(cell ?? '').trim();
  if (!text) throw new InvalidFieldException('VALIDATION_FAILED', 'inputs', 'give the input lots as "LOT-CODE: quantity", several separated by ;', 'bad_request');
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\S+)\s*[:=]\s*(.+)$/.exec(part);
      if (!match) throw new InvalidFieldException('VALIDATION_FAILED', 'inputs', `"${part}" is not "LOT-CODE: quantity"`, 'bad_request');
      const quantity = match[2].replace(/\s/g, '');
      // Vietnamese first, as every number of a sheet: "1.200" is twelve hundred, "800,5" has decimals.
      const normal = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(quantity) ? quantity.replace(/\./g, '').replace(',', '.') : quantity.replace(',', '.');
      return { code: match[1], quantity: normal };
    });
}

/**
 * Historical processing (docs/domain.md, "Historical imports"): each row one transformation, input
 * lots by their codes with the quantities used, one output, optionally at one of the organization's
 * facilities (by its code or name). Checked with TransformOperation's rules
 * (lots usable, not used before they existed, mass balance with the rows above counted) and written
 * by TransformOperation itself inside the import's transaction, so the events, links and balances
 * are exactly the API's. Inputs may be lots of earlier imports, API harvests, or outputs (with a
 * lot code) of rows above.
 */
@Injectable()
export class ProcessingImport implements HistoryKind {
  readonly history = true as const;
  readonly name = 'processing' as const;
  readonly titleVi = 'Chế biến (lịch sử)';
  readonly titleEn = 'Processing (history)';
  readonly columns = [
    textColumn({ key: 'inputs', vi: 'Lô đầu vào', en: 'Input lots', required: true, hintVi: 'MÃ LÔ: số lượng; nhiều lô cách nhau bởi ;', hintEn: 'LOT-CODE: quantity; several separated by ;' }),
    choiceColumn({ key: 'inputUnit', vi: 'Đơn vị đầu vào', en: 'Input unit', hintVi: 'Để trống: đơn vị của từng lô', hintEn: 'Empty: each lot’s own unit' }, UNIT_CHOICES),
    textColumn({ key: 'product', vi: 'Sản phẩm đầu ra', en: 'Output product', required: true }),
    decimalColumn({ key: 'quantity', vi: 'Số lượng đầu ra', en: 'Output quantity', required: true }),
    choiceColumn({ key: 'unit', vi: 'Đơn vị', en: 'Unit', required: true }, UNIT_CHOICES),
    dateColumn({ key: 'date', vi: 'Ngày chế biến', en: 'Processed on', required: true }),
    textColumn({ key: 'process', vi: 'Công đoạn', en: 'Process', required: true, aliases: ['Quy trình'] }),
    textColumn({ key: 'lotCode', vi: 'Mã lô đầu ra', en: 'Output lot code', hintVi: 'Để trống để tự cấp mã', hintEn: 'Leave empty to have one generated' }),
    textColumn({
      key: 'facility',
      vi: 'Cơ sở chế biến',
      en: 'Processing facility',
      aliases: ['Cơ sở', 'Xưởng', 'Facility'],
      hintVi: 'Mã số hoặc tên cơ sở đã đăng ký (không bắt buộc)',
      hintEn: 'Code or name of a registered facility (optional)',
    }),
  ];
  readonly examples: RowCells[] = [
    { inputs: 'SC-2025-001: 1.200; SC-2025-002: 800', inputUnit: 'kg', product: 'Gạo nếp Séng Cù', quantity: '1.300', unit: 'kg', date: '20/10/2025', process: 'Xay xát', lotCode: 'GSC-2025-01', facility: 'Xưởng xay xát HTX Thanh Xương' },
  ];

  constructor(
    private readonly transform: TransformOperation,
    private readonly codes: LotCodes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async begin(options: HistoryRunOptions): Promise<HistoryRun<ProcessingPlan>> {
    const { caller, header, importId } = options;
    const organizationId = caller.organizationId;
    const db = options.db as EntityManager;
    const products = await productsOf(db, organizationId);
    const facilities = await facilitiesOf(db, organizationId);
    const columns = this.columns;
    /** Lots by code, read once, their consumption kept up to date by the rows above. */
    const known = new Map<string, KnownLot>();
    const seen = new Map<string, number>();
    /** Output codes of written rows → their lot ids (commit). */
    const written = new Map<string, string>();

    const loadLots = async (codes: string[], db: Db) => {
      const missing = [...new Set(codes)].filter((code) => !known.has(code));
      if (!missing.length) return;
      const rows: KnownLot[] = await db.query(
        `SELECT l.id, l.code, l.kind, l.quantity::text AS quantity, l.unit, l.consumed::text AS consumed, l.status, l.product_id AS "productId",
           l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset", l.growing_area_id AS "growingAreaId",
           l.household_partner_id AS "householdPartnerId", l.facility_id AS "facilityId", l.expires_at::text AS "expiresAt", l.short_code AS "shortCode",
           l.created_event_id AS "createdEventId", l.recalled_at AS "recalledAt", l.recall_reason AS "recallReason",
           p.net_content::text AS "netContent", p.net_content_unit AS "netContentUnit", p.gtin, p.name_vi AS "productNameVi"
         FROM lot l JOIN product p ON p.id = l.product_id WHERE l.organization_id = $1 AND l.code = ANY($2::text[])`,
        [organizationId, missing],
      );
      for (const lot of rows) known.set(lot.code, lot);
    };

    const readPlan = (values: Record<string, unknown>): ProcessingPlan => {
      const problems: unknown[] = [];
      const attempt = <T>(f: () => T): T | undefined => {
        try {
          return f();
        } catch (error) {
          problems.push(error);
          return undefined;
        }
      };
      const list = attempt(() => inputList(values.inputs));
      const inputUnit = values.inputUnit === undefined ? null : attempt(() => parseUnit(values.inputUnit, 'inputUnit'));
      const quantity = attempt(() => parseQuantity(values.quantity, 'quantity'));
      const unit = attempt(() => parseUnit(values.unit, 'unit'));
      const occurredAt = String(values.date ?? '');
      const occurred = attempt(() => pastDateTime(this.clock, occurredAt, 'occurredAt', 'EVENT_DATE_IN_FUTURE'));
      const product = attempt(() => uniqueMatch(products, String(values.product ?? ''), 'product', 'PRODUCT'));
      const lotCode = values.lotCode === undefined ? null : attempt(() => normalizeLotCode(String(values.lotCode), 'lotCode'));
      const facility = values.facility === undefined ? null : attempt(() => facilityMatch(facilities, String(values.facility), 'facility'));
      const process = typeof values.process === 'string' ? values.process.trim() : '';
      if (!process) problems.push(new InvalidFieldException('VALIDATION_FAILED', 'process', 'name the process (xay xát, sấy, đóng gói…)', 'bad_request'));
      if (problems.length) throw new ManyProblems(problems);
      const inputs = list!.map((line, i) => ({
        code: line.code,
        quantity: parseQuantity(line.quantity, `inputs[${i}].quantity`),
        unit: inputUnit ?? (null as unknown as Unit),
      }));
      assertDistinct(inputs.map((line) => line.code), (i) => `inputs[${i}].lotId`, 'INPUT_LOT_DUPLICATE', 'the same lot is listed twice; give its total quantity once');
      const key = lotCode
        ? `out:${lotCode}`
        : `t:${occurred!.instant.toISOString()}|${inputs.map((l) => `${l.code}=${l.quantity}`).sort().join(',')}|${product!.id}|${quantity}|${unit}|${process}${facility ? `|${facility.id}` : ''}`;
      return { key, inputs, product: product!, quantity: quantity!, unit: unit!, occurredAt, occurred: occurred!, process, lotCode: lotCode ?? null, facilityId: facility?.id ?? null };
    };

    /** TransformOperation's checks on the lots as the rows above left them; then this row's consumption and output are counted. */
    const checkBalance = (plan: ProcessingPlan, row: number) => {
      const lines = plan.inputs.map((line, i) => {
        const lot = known.get(line.code);
        if (!lot) throw new DomainException('LOT_NOT_FOUND', `inputs[${i}].lotId: no lot with the code ${line.code}`, 'not_found', { field: `inputs[${i}].lotId` });
        return { lotId: lot.id, quantity: line.quantity, unit: line.unit ?? lot.unit, field: `inputs[${i}]` };
      });
      const byId = new Map([...known.values()].filter((lot) => lines.some((l) => l.lotId === lot.id)).map((lot) => [lot.id, lot]));
      const used = checkInputs(lines, byId, plan.occurred);
      for (const { lot, amount } of used) lot.consumed = new Decimal(lot.consumed).plus(amount).toFixed();
      if (plan.lotCode) {
        known.set(plan.lotCode, {
          id: `row-${row}`,
          code: plan.lotCode,
          kind: 'processed',
          quantity: plan.quantity,
          unit: plan.unit,
          consumed: '0',
          status: 'active',
          productId: plan.product.id,
          producedAt: plan.occurred.instant,
          producedAtOffset: plan.occurred.offset,
          growingAreaId: null,
          householdPartnerId: null,
          facilityId: plan.facilityId,
          expiresAt: null,
          shortCode: '',
          createdEventId: null,
          recalledAt: null,
          recallReason: null,
          netContent: plan.product.netContent,
          netContentUnit: plan.product.netContentUnit,
          gtin: plan.product.gtin,
          productNameVi: plan.product.nameVi,
        });
      }
    };

    return {
      check: async (rows: SheetRow[], errors: RowError[]): Promise<CheckedRow<ProcessingPlan>[]> => {
        const checked: CheckedRow<ProcessingPlan>[] = [];
        const read: { row: number; plan: ProcessingPlan }[] = [];
        for (const { row, cells } of rows) {
          const values = readRowCells(columns, header, row, cells, errors);
          try {
            if (!values) throw new ManyProblems([]);
            read.push({ row, plan: readPlan(values) });
          } catch (error) {
            for (const e of error instanceof ManyProblems ? error.problems : [error]) errors.push(...errorsAt(e, row, header, columns));
            checked.push({ row, plan: null, exists: false });
          }
        }
        await loadLots(read.flatMap((r) => [...r.plan.inputs.map((l) => l.code), ...(r.plan.lotCode ? [r.plan.lotCode] : [])]), db);
        const imported = await importedKeys(db, organizationId, this.name, read.map((r) => r.plan.key));
        for (const { row, plan } of read) {
          try {
            if (imported.has(plan.key)) {
              checked.push({ row, plan, exists: true });
              continue;
            }
            const first = seen.get(plan.key);
            if (first !== undefined) throw new DomainException('IMPORT_DUPLICATE_ROW', `row ${row} names the same processing as row ${first}`, 'validation', { firstRow: first });
            seen.set(plan.key, row);
            if (plan.lotCode && known.has(plan.lotCode)) {
              throw new DomainException('LOT_CODE_TAKEN', `lotCode: another lot of this organization already has the code ${plan.lotCode}`, 'conflict', { field: 'lotCode', lotCode: plan.lotCode });
            }
            checkBalance(plan, row);
            checked.push({ row, plan, exists: false });
          } catch (error) {
            errors.push(...errorsAt(error, row, header, columns));
            checked.push({ row, plan: null, exists: false });
          }
        }
        return checked.sort((a, b) => a.row - b.row);
      },

      write: async (rows: CheckedRow<ProcessingPlan>[]): Promise<number> => {
        let made = 0;
        // A code typed on a later row of this chunk is not in the database yet: generated codes are drawn here, skipping them.
        const typed = new Set(rows.filter((r) => r.plan?.lotCode && !r.exists).map((r) => r.plan!.lotCode!));
        for (const { plan, exists } of rows) {
          if (!plan || exists) continue;
          const lotCode = plan.lotCode ?? (await this.codes.generate(organizationId, plan.product, plan.occurred, 1, db, true, typed))[0];
          const result = await this.transform.run(
            caller,
            {
              inputs: plan.inputs.map((line) => {
                const lotId = written.get(line.code) ?? known.get(line.code)!.id;
                return { lotId, quantity: line.quantity, unit: line.unit ?? known.get(line.code)!.unit };
              }),
              outputs: [{ productId: plan.product.id, quantity: plan.quantity, unit: plan.unit, lotCode }],
              occurredAt: plan.occurredAt,
              process: plan.process,
              ...(plan.facilityId ? { facilityId: plan.facilityId } : {}),
            },
            db,
          );
          if (plan.lotCode) written.set(plan.lotCode, result.outputs[0].id);
          await recordKeys(db, organizationId, this.name, importId!, [{ key: plan.key, recordId: result.event.id }]);
          made++;
        }
        return made;
      },

      finish: async () => undefined,
    };
  }
}

/** Several cells of one row break the operation's rules at once: each is reported. */
class ManyProblems extends Error {
  constructor(readonly problems: unknown[]) {
    super(`${problems.length} problems`);
  }
}
