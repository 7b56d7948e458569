import { Injectable } from '@nestjs/common';
import type { Db } from '@app/database';
import { toLocalDate, type DateTimeWithOffset } from '../../common/dates.js';
import { DomainException } from '../../common/domain.exception.js';
import { generateLotCode } from '../../common/gs1.js';
import { searchKey } from '../../common/text.js';
import type { ProductRecord } from '../lot-registry.repository.js';
import { LotsRepository } from '../lots.repository.js';

/** Lot codes: the ones operations generate (PREFIX-YEAR-NNNNNN) and the check that typed-in ones are free. */
@Injectable()
export class LotCodes {
  constructor(private readonly lots: LotsRepository) {}

  /**
   * Generated codes PREFIX-YEAR-NNNNNN. Numbers somebody already typed in by hand are skipped when
   * `checkTaken` (a retry after such a clash, or inside a transaction, where the draw costs nothing extra),
   * and so are `reserved` codes: ones about to be written in the same transaction (an import's typed codes).
   */
  async generate(
    organizationId: string,
    product: ProductRecord,
    produced: DateTimeWithOffset,
    count: number,
    db: Db,
    checkTaken = true,
    reserved: ReadonlySet<string> = new Set(),
  ): Promise<string[]> {
    const prefix = lotCodePrefix(product.nameVi);
    const year = Number(toLocalDate(produced.instant, produced.offset).slice(0, 4));
    const codes: string[] = [];
    while (codes.length < count) {
      const need = count - codes.length;
      const first = await this.lots.drawLotCodeNumbers(organizationId, prefix, year, need, db);
      const drawn = Array.from({ length: need }, (_, i) => generateLotCode(prefix, year, first + i));
      const taken = new Set(checkTaken ? await this.lots.codesTaken(organizationId, drawn, db) : []);
      codes.push(...drawn.filter((code) => !taken.has(code) && !reserved.has(code)));
    }
    return codes;
  }

  /** Refuses (LOT_CODE_TAKEN, naming the field) a code another lot of the organization has. */
  async assertFree(organizationId: string, codes: { code: string; field: string }[], db: Db): Promise<void> {
    if (!codes.length) return;
    const taken = new Set(await this.lots.codesTaken(organizationId, codes.map((c) => c.code), db));
    const clash = codes.find((c) => taken.has(c.code));
    if (clash) {
      throw new DomainException('LOT_CODE_TAKEN', `${clash.field}: another lot of this organization already has the code ${clash.code}`, 'conflict', {
        field: clash.field,
        lotCode: clash.code,
      });
    }
  }

  async isTaken(organizationId: string, code: string, db: Db): Promise<boolean> {
    return (await this.lots.codesTaken(organizationId, [code], db)).length > 0;
  }
}

/** Initials of the product name for generated codes: "Gạo nếp Séng Cù" → GNSC; 'LO' when there are none. */
export function lotCodePrefix(productName: string): string {
  const initials = searchKey(productName)
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, '')[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  return initials || 'LO';
}
