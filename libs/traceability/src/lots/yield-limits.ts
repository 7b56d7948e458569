import { searchKey } from '../common/text.js';

/**
 * Plausible maximum harvest per hectare and per season (t/ha), used when neither the growing area
 * (`max_yield_t_per_ha`) nor the organization (`crop_yield_limit`) sets one. A season is the calendar
 * year of the harvest in Vietnam time, so these are yearly ceilings (two rice crops a year, fresh
 * coffee cherries, fresh tea shoots), deliberately generous: they catch a "borrowed" growing-area code
 * that carries several times what the field can yield, not a good year.
 */
const DEFAULT_LIMITS: [keywords: string[], maxYieldTPerHa: number][] = [
  [['lua', 'nep', 'gao', 'rice', 'paddy'], 16],
  [['ca phe', 'coffee'], 25],
  [['che', 'tra', 'tea'], 25],
  [['thao qua', 'cardamom'], 8],
  [['tao meo', 'docynia'], 30],
  [['buoi', 'pomelo'], 45],
  [['mac ca', 'macadamia'], 8],
  [['mat ong', 'honey'], 5],
];

/** Used for crops we know nothing about. */
export const FALLBACK_MAX_YIELD_T_PER_HA = 60;

export function defaultMaxYieldTPerHa(crop: string): number {
  const key = ` ${searchKey(crop).replace(/[_-]+/g, ' ')} `;
  for (const [keywords, limit] of DEFAULT_LIMITS) {
    if (keywords.some((keyword) => key.includes(` ${keyword} `))) return limit;
  }
  return FALLBACK_MAX_YIELD_T_PER_HA;
}
