import { Injectable } from '@nestjs/common';
import type { Caller } from '../../accounts/caller.js';
import { InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { positiveDecimal } from '../common/fields.js';
import { CropYieldLimitsRepository } from './crop-yield-limits.repository.js';
import { CROP_KEY_PATTERN, CROPS, defaultMaxYield, isKnownCrop } from './crop-yields.js';

export interface CropYieldLimitView {
  crop: string;
  /** Vietnamese and English names of a known crop; null for an organization's own crop key. */
  nameVi: string | null;
  nameEn: string | null;
  defaultMaxYieldTPerHa: string | null;
  /** The limit in force for this organization, t/ha per season. */
  maxYieldTPerHa: string;
  source: 'organization' | 'default';
}

/** Maximum plausible yields per crop: the defaults, overridden per organization. */
@Injectable()
export class CropYieldLimitsService {
  constructor(private readonly repository: CropYieldLimitsRepository) {}

  /** Every known crop, and the organization's own crops, with the limit in force. */
  async list(caller: Caller): Promise<CropYieldLimitView[]> {
    const own = await this.repository.forOrganization(caller.organizationId);
    const crops = [...new Set([...Object.keys(CROPS), ...own.keys()])];
    return crops.map((crop) => this.view(crop, own.get(crop) ?? null));
  }

  /** The limit in force for one crop (a known one, or one of the organization's own). */
  async get(caller: Caller, crop: string): Promise<CropYieldLimitView> {
    const own = await this.repository.forOrganization(caller.organizationId);
    if (!own.has(crop) && !isKnownCrop(crop)) throw notFound('Crop', crop);
    return this.view(crop, own.get(crop) ?? null);
  }

  async set(caller: Caller, crop: string, maxYieldTPerHa: string | number): Promise<CropYieldLimitView> {
    if (!CROP_KEY_PATTERN.test(crop)) {
      throw new InvalidFieldException('CROP_INVALID', 'crop', 'a crop key is 2–40 lowercase letters, digits or _ starting with a letter (e.g. sticky_rice)', 'bad_request');
    }
    const limit = positiveDecimal(maxYieldTPerHa, 'maxYieldTPerHa', { scale: 3, integerDigits: 7 }, 'MAX_YIELD_NOT_POSITIVE');
    await this.repository.upsert(caller.organizationId, crop, limit);
    return this.view(crop, limit);
  }

  private view(crop: string, own: string | null): CropYieldLimitView {
    const fallback = defaultMaxYield(crop);
    return {
      crop,
      nameVi: isKnownCrop(crop) ? CROPS[crop].vi : null,
      nameEn: isKnownCrop(crop) ? CROPS[crop].en : null,
      defaultMaxYieldTPerHa: fallback,
      maxYieldTPerHa: (own ?? fallback)!,
      source: own !== null ? 'organization' : 'default',
    };
  }
}
