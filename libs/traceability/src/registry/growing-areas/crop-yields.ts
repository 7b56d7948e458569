/**
 * Default maximum plausible yield per crop, in tonnes of harvested product per hectare per crop
 * season (per year for perennials picked all year round, like tea). Harvests above
 * `area_ha × max` in a season are refused unless acknowledged (docs/rules.md#harvests-come-from-a-real-active-growing-area, the "borrowed
 * growing-area code" fraud), so these are ceilings a well-run field in northern Vietnam can reach, not
 * averages. `seasonsPerYear` is how many crops a field can bring in within one calendar year (rice in
 * the Mường Thanh valley: spring and summer-autumn), for checks that total a calendar year.
 * An organization overrides the per-season figure per crop (PUT /api/v1/crop-yield-limits/{crop}) and
 * a growing area can carry its own.
 */
export const CROPS = {
  // Mường Thanh valley paddy reaches 6–7 t/ha on good seasons.
  rice: { vi: 'Lúa tẻ', en: 'Rice (paddy)', maxYieldTPerHa: '8', seasonsPerYear: 2 },
  // Sticky rice (Séng Cù and other nếp varieties) yields less than ordinary rice.
  sticky_rice: { vi: 'Lúa nếp', en: 'Sticky rice (paddy)', maxYieldTPerHa: '7', seasonsPerYear: 2 },
  // Fresh leaf (búp tươi) over a year of pickings; old Shan tuyết trees yield far less.
  tea: { vi: 'Chè (búp tươi)', en: 'Tea (fresh leaf)', maxYieldTPerHa: '12', seasonsPerYear: 1 },
  // Fresh cherry: ≈ 2.5 t/ha of green Arabica × ≈ 6 kg cherry per kg of green bean.
  coffee: { vi: 'Cà phê (quả tươi)', en: 'Coffee (fresh cherry)', maxYieldTPerHa: '15', seasonsPerYear: 1 },
  pomelo: { vi: 'Bưởi', en: 'Pomelo', maxYieldTPerHa: '30', seasonsPerYear: 1 },
  // Táo mèo (Docynia indica), mostly from semi-wild trees.
  docynia: { vi: 'Táo mèo', en: 'Docynia (táo mèo)', maxYieldTPerHa: '15', seasonsPerYear: 1 },
  // Fresh capsules under forest canopy; ≈ 1 t/ha is typical.
  cardamom: { vi: 'Thảo quả (quả tươi)', en: 'Black cardamom (fresh)', maxYieldTPerHa: '1.5', seasonsPerYear: 1 },
  // Nut in shell from mature orchards.
  macadamia: { vi: 'Mắc ca', en: 'Macadamia (nut in shell)', maxYieldTPerHa: '5', seasonsPerYear: 1 },
  // Not a field crop: a loose ceiling for apiaries registered as an area.
  honey: { vi: 'Mật ong', en: 'Honey', maxYieldTPerHa: '10', seasonsPerYear: 1 },
  // Any other fruit.
  fruit: { vi: 'Cây ăn quả khác', en: 'Other fruit', maxYieldTPerHa: '30', seasonsPerYear: 1 },
} as const satisfies Record<string, { vi: string; en: string; maxYieldTPerHa: string; seasonsPerYear: number }>;

export type KnownCrop = keyof typeof CROPS;

/** Crop keys are short lowercase slugs, so organizations can add their own (with their own limit). */
export const CROP_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export function isKnownCrop(crop: string): crop is KnownCrop {
  return Object.prototype.hasOwnProperty.call(CROPS, crop);
}

export function defaultMaxYield(crop: string): string | null {
  return isKnownCrop(crop) ? CROPS[crop].maxYieldTPerHa : null;
}

/** Crop seasons a field of this crop can bring in within a calendar year (1 for crops we do not know). */
export function seasonsPerYear(crop: string): number {
  return isKnownCrop(crop) ? CROPS[crop].seasonsPerYear : 1;
}

export type MaxYieldSource = 'area' | 'organization' | 'default';

/** The ceiling that applies: the area's own, else the organization's for the crop, else the default. */
export function effectiveMaxYield(
  crop: string,
  areaOverride: string | null,
  organizationLimits: ReadonlyMap<string, string>,
): { maxYieldTPerHa: string; source: MaxYieldSource } | null {
  if (areaOverride !== null) return { maxYieldTPerHa: areaOverride, source: 'area' };
  const organization = organizationLimits.get(crop);
  if (organization !== undefined) return { maxYieldTPerHa: organization, source: 'organization' };
  const fallback = defaultMaxYield(crop);
  return fallback === null ? null : { maxYieldTPerHa: fallback, source: 'default' };
}
