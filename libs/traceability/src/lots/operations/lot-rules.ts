import { timeOrderedUuid } from '../../common/time-ordered-id.js';
import { toLocalDate, type DateTimeWithOffset } from '../../common/dates.js';
import { DomainException, InvalidFieldException, notFound, type ErrorCode } from '../../common/domain.exception.js';
import { generateShortCode } from '../../common/short-code.js';
import type { Unit } from '../../common/units.js';
import { addDays } from '../../registry/common/fields.js';
import type { AppendedEvent, NewLot } from '../events.repository.js';
import type { ProductRecord } from '../lot-registry.repository.js';
import type { LotKind } from '../lot-rows.js';
import type { LockedLot, LotView } from '../lots.repository.js';
import { availability, canonicalQuantity, fitsInLot, inLotUnit } from '../quantity.js';

/**
 * The rules every lot operation shares (docs/rules.md: mass balance, usable lots, no event before
 * its inputs existed) and the small builders of what they write. Pure: no database.
 */

export function lotUnusable(lot: Pick<LockedLot, 'id' | 'code' | 'status'>, field: string): DomainException {
  return new DomainException(
    lot.status === 'recalled' ? 'LOT_RECALLED' : 'LOT_VOIDED',
    `${field}: lot ${lot.code} is ${lot.status} and cannot be used`,
    'validation',
    { field, lotId: lot.id, status: lot.status },
  );
}

export function assertConsumable(lot: LockedLot, field: string): void {
  if (lot.status !== 'active') throw lotUnusable(lot, field);
}

export function overconsumed(lot: LockedLot, requested: string, field: string): DomainException {
  const { available } = availability(lot.quantity, lot.consumed);
  return new DomainException(
    'LOT_OVERCONSUMED',
    `${field}: lot ${lot.code} has ${available} ${lot.unit} left; ${canonicalQuantity(requested)} ${lot.unit} requested`,
    'validation',
    { field, lotId: lot.id, lotCode: lot.code, available, requested: canonicalQuantity(requested), unit: lot.unit },
  );
}

export function eventBeforeInput(field: string, lot: LockedLot): DomainException {
  return new DomainException('EVENT_BEFORE_INPUT', `${field}: lot ${lot.code} did not exist yet (produced ${lot.producedAt.toISOString()})`, 'validation', {
    field,
    lotId: lot.id,
  });
}

export function assertDistinct(values: string[], field: (i: number) => string, code: ErrorCode, message: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw new InvalidFieldException(code, field(i), message);
    seen.add(value);
  });
}

/** A requested quantity in the lot's unit (through the product's net content for packs and pieces). */
export function amountInLot(lot: LockedLot, quantity: string, unit: Unit, field: string): string {
  let amount: string;
  try {
    amount = inLotUnit(quantity, unit, lot.unit, lot);
  } catch (error) {
    if (error instanceof DomainException && error.code === 'UNIT_INCOMPATIBLE') {
      const name = field ? `${field}.unit` : 'unit';
      throw new DomainException('UNIT_INCOMPATIBLE', `${name}: ${error.message.replace(/^unit: /, '')} (lot ${lot.code} is counted in ${lot.unit})`, 'validation', {
        field: name,
        lotId: lot.id,
        ...error.details,
      });
    }
    throw error;
  }
  if (Number(amount) <= 0) {
    throw new InvalidFieldException('QUANTITY_INVALID', field ? `${field}.quantity` : 'quantity', `too small to count in ${lot.unit}, the unit of lot ${lot.code}`);
  }
  return amount;
}

/** Checks each input (read without a lock; the append statement re-checks under lock): usable, not used before it existed, enough left. */
export function checkInputs<L extends LockedLot>(
  inputs: { lotId: string; quantity: string; unit: Unit; field: string }[],
  lots: Map<string, L>,
  occurred: DateTimeWithOffset,
): { request: (typeof inputs)[number]; lot: L; amount: string }[] {
  return inputs.map((request) => {
    const lot = lots.get(request.lotId);
    if (!lot) throw notFound('Lot', request.lotId, `${request.field}.lotId`);
    assertConsumable(lot, `${request.field}.lotId`);
    if (occurred.instant < lot.producedAt) throw eventBeforeInput('occurredAt', lot);
    const amount = amountInLot(lot, request.quantity, request.unit, request.field);
    if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, `${request.field}.quantity`);
    return { request, lot, amount };
  });
}

/** What every new lot starts with: a fresh id and short code, active, its expiry from the product's shelf life. */
export function newLotBase(product: ProductRecord, produced: DateTimeWithOffset): Omit<NewLot, 'code' | 'displayName' | 'kind' | 'quantity' | 'unit' | 'growingAreaId' | 'householdPartnerId'> {
  const localDate = toLocalDate(produced.instant, produced.offset);
  return {
    id: timeOrderedUuid(),
    productId: product.id,
    status: 'active',
    facilityId: null,
    producedAt: produced.instant,
    producedAtOffset: produced.offset,
    expiresAt: product.shelfLifeDays ? addDays(localDate, product.shelfLifeDays) : null,
    shortCode: generateShortCode(),
    recalledAt: null,
    recallReason: null,
  };
}

/** A transformation's output is packed when the process says so or it is counted in packs or pieces. */
export function outputKind(process: string, unit: Unit): LotKind {
  return /pack|đóng gói|dong goi/i.test(process) || unit === 'pack' || unit === 'pcs' ? 'packed' : 'processed';
}

/** The master data of a new lot, recorded in its event's details. */
export function lotMasterData(lot: NewLot): Record<string, unknown> {
  return {
    id: lot.id,
    code: lot.code,
    shortCode: lot.shortCode,
    productId: lot.productId,
    kind: lot.kind,
    quantity: lot.quantity,
    unit: lot.unit,
    producedAt: lot.producedAt.toISOString(),
    expiresAt: lot.expiresAt,
  };
}

export function codeMap(existing: { id: string; code: string }[], created: { id: string; code: string }[]): Map<string, string> {
  return new Map([...existing, ...created].map((lot) => [lot.id, lot.code]));
}

/** The product fields a lot view carries, as a product record (for lots made from this lot). */
export function productOfLot(lot: LotView): ProductRecord {
  return {
    id: lot.productId,
    nameVi: lot.productNameVi,
    nameEn: lot.productNameEn,
    gtin: lot.gtin,
    unit: lot.productUnit,
    netContent: lot.netContent,
    netContentUnit: lot.netContentUnit,
    shelfLifeDays: null,
  };
}

/** The view of a lot just written, without reading it back. */
export function viewOfNewLot(
  organizationId: string,
  lot: NewLot,
  product: ProductRecord,
  event: AppendedEvent,
  extras: { area: { code: string | null; name: string | null } | null; householdName: string | null; facilityName: string | null },
): LotView {
  return {
    ...lot,
    organizationId,
    consumed: '0',
    createdEventId: event.id,
    createdAt: event.recordTime,
    netContent: product.netContent,
    netContentUnit: product.netContentUnit,
    gtin: product.gtin,
    productNameVi: product.nameVi,
    productNameEn: product.nameEn,
    productUnit: product.unit,
    growingAreaCode: lot.growingAreaId ? (extras.area?.code ?? null) : null,
    growingAreaName: lot.growingAreaId ? (extras.area?.name ?? null) : null,
    householdName: lot.householdPartnerId ? extras.householdName : null,
    facilityName: lot.facilityId ? extras.facilityName : null,
  };
}
