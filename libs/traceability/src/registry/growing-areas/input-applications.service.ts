import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { checkPosition, type FieldPosition } from '../../common/field-position.js';
import { canonicalDecimal, localDate, optionalText, positiveDecimal, requiredText, todayInVietnam } from '../common/fields.js';
import type { Page } from '../common/listing.js';
import { GrowingAreasRepository } from './growing-areas.repository.js';
import { safeFrom } from './harvest-policy.js';
import { InputApplication, InputKind } from './input-application.entity.js';
import { InputApplicationListQuery, InputApplicationsRepository } from './input-applications.repository.js';

export interface InputApplicationInput {
  /** Date (or date-time, whose local date is taken); not in the future. */
  appliedAt: string;
  kind: InputKind;
  productName: string;
  activeIngredient?: string | null;
  dose?: string | number | null;
  doseUnit?: string | null;
  /** Pre-harvest interval in days (0 for most fertilisers). */
  phiDays: number;
  /** Where the phone was when it was written in the field (staff only). */
  position?: FieldPosition | null;
}

export type InputApplicationView = InputApplication & {
  voided: boolean;
  /** First day a harvest is allowed after this application (appliedAt + phiDays). */
  safeFrom: string;
};

const DOSE = { scale: 4, integerDigits: 10 };

/**
 * The input log of a growing area (nhật ký canh tác). Append-only: a mistake is corrected by voiding
 * the entry with a reason (it stays visible, marked voided) and recording the right one.
 */
@Injectable()
export class InputApplicationsService {
  constructor(
    private readonly repository: InputApplicationsRepository,
    private readonly areas: GrowingAreasRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(caller: Caller, growingAreaId: string, input: InputApplicationInput): Promise<InputApplicationView> {
    const values = this.prepare(caller, growingAreaId, input);
    const created = await inTransaction(this.dataSource, async (manager) => {
      // Shared lock: the area cannot disappear or change tenant under us; concurrent inputs still go in.
      if (!(await this.areas.findLocked(caller.organizationId, growingAreaId, manager, 'share'))) throw notFound('Growing area', growingAreaId);
      return this.repository.insert(caller.organizationId, values, manager);
    });
    return this.view(created);
  }

  /** Every check create() makes before writing, without writing (an import's dry run). */
  async check(caller: Caller, growingAreaId: string, input: InputApplicationInput): Promise<void> {
    this.prepare(caller, growingAreaId, input);
    if (!(await this.areas.find(caller.organizationId, growingAreaId))) throw notFound('Growing area', growingAreaId);
  }

  private prepare(caller: Caller, growingAreaId: string, input: InputApplicationInput) {
    const appliedAt = localDate(input.appliedAt, 'appliedAt');
    if (appliedAt > todayInVietnam()) {
      throw new InvalidFieldException('INPUT_APPLIED_IN_FUTURE', 'appliedAt', `${appliedAt} is in the future; record an application once it is done`);
    }
    const dose = input.dose === undefined || input.dose === null ? null : positiveDecimal(input.dose, 'dose', DOSE);
    const doseUnit = optionalText(input.doseUnit) ?? null;
    if (dose !== null && doseUnit === null) throw new InvalidFieldException('DOSE_UNIT_REQUIRED', 'doseUnit', 'a dose needs its unit (e.g. kg/ha, ml/16 l)');
    if (dose === null && doseUnit !== null) throw new InvalidFieldException('DOSE_REQUIRED', 'dose', 'doseUnit is given without the dose');
    const values = {
      growingAreaId,
      appliedAt,
      kind: input.kind,
      productName: requiredText(input.productName, 'productName'),
      activeIngredient: optionalText(input.activeIngredient) ?? null,
      dose,
      doseUnit,
      phiDays: input.phiDays,
      position: checkPosition(input.position, 'position'),
      recordedBy: caller.userId,
    };
    return values;
  }

  async list(caller: Caller, growingAreaId: string, query: InputApplicationListQuery): Promise<Page<InputApplicationView>> {
    if (!(await this.areas.find(caller.organizationId, growingAreaId))) throw notFound('Growing area', growingAreaId);
    const page = await this.repository.list(caller.organizationId, growingAreaId, query);
    return { ...page, items: page.items.map((input) => this.view(input)) };
  }

  async get(caller: Caller, growingAreaId: string, id: string): Promise<InputApplicationView> {
    const input = await this.repository.find(caller.organizationId, growingAreaId, id);
    if (!input) throw notFound('Input application', id);
    return this.view(input);
  }

  /** Voids an application with a reason: it no longer restricts harvests, and stays in the log. */
  async void(caller: Caller, growingAreaId: string, id: string, reason: string): Promise<InputApplicationView> {
    const why = requiredText(reason, 'reason');
    const voided = await inTransaction(this.dataSource, async (manager) => {
      if (!(await this.areas.find(caller.organizationId, growingAreaId, manager))) throw notFound('Growing area', growingAreaId);
      const input = await this.repository.findForUpdate(caller.organizationId, growingAreaId, id, manager);
      if (!input) throw notFound('Input application', id);
      if (input.voidedAt) {
        throw new DomainException('INPUT_APPLICATION_ALREADY_VOIDED', `id: input application ${id} was already voided`, 'conflict', {
          field: 'id',
          voidedAt: input.voidedAt,
        });
      }
      return this.repository.markVoided(caller.organizationId, input, caller.userId, why, manager);
    });
    return this.view(voided);
  }

  private view(input: InputApplication): InputApplicationView {
    return { ...input, dose: canonicalDecimal(input.dose), voided: input.voidedAt !== null, safeFrom: safeFrom(input) };
  }
}
