// @ts-check
// @ts-check
/**
 * The console's one reader and writer of numbers. A Vietnamese clerk writes twenty-five thousand as
 * `25.000` and two and a half as `2,5`; an English one as `25,000` and `2.5`. Input is read in the
 * language of the interface, and what was understood is shown next to the field before saving with
 * spaces between thousands (`25 000 kg`), which neither language can misread. The server is sent a
 * plain decimal string ("25000", "2.5"), and refuses anything else with QUANTITY_AMBIGUOUS.
 */

/** Narrow no-break space: groups thousands the same way in both languages. */
const GROUP = '\u202f';

/**
 * @param {string} text what the person typed
 * @param {'vi' | 'en'} language the interface language: which of `.` and `,` is the decimal sign
 * @returns {{ ok: true, value: string } | { ok: false, reason: 'empty' | 'invalid' }} value: a plain decimal string
 */
export function parseNumber(text, language) {
  const compact = String(text ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const decimal = language === 'en' ? '.' : ',';
  const group = language === 'en' ? ',' : '.';
  if (!/^-?[\d.,]+$/.test(compact)) return { ok: false, reason: 'invalid' };
  const [whole, fraction, ...rest] = compact.split(decimal);
  if (rest.length) return { ok: false, reason: 'invalid' };
  let digits = whole;
  if (whole.includes(group)) {
    const groups = whole.replace(/^-/, '').split(group);
    if (fraction === undefined && groups.length === 2 && groups[1].length !== 3) {
      // `2.5` in Vietnamese (or `2,5` in English) cannot be thousands: the other habit's decimal sign.
      return checked(`${whole.replace(group, '.')}`);
    }
    // Grouped thousands: 1–3 digits, then groups of exactly three.
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return { ok: false, reason: 'invalid' };
    digits = whole.split(group).join('');
  }
  if (fraction !== undefined && (fraction.includes(group) || !/^\d+$/.test(fraction))) return { ok: false, reason: 'invalid' };
  return checked(fraction === undefined ? digits : `${digits}.${fraction}`);
}

/** @param {string} plain @returns {{ ok: true, value: string } | { ok: false, reason: 'invalid' }} */
function checked(plain) {
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { ok: false, reason: 'invalid' };
  const [whole, fraction] = plain.split('.');
  const trimmedWhole = whole.replace(/^(-?)0+(?=\d)/, '$1');
  const trimmedFraction = (fraction ?? '').replace(/0+$/, '');
  return { ok: true, value: trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole };
}

/**
 * A decimal for a person: thousands grouped by a narrow space, the language's decimal sign.
 * @param {string | number | null | undefined} value a decimal string or number
 * @param {'vi' | 'en'} language
 */
export function formatNumber(value, language) {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? String(value) : String(value).trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  const trimmed = (fraction ?? '').replace(/0+$/, '');
  return `${sign}${grouped}${trimmed ? (language === 'en' ? '.' : ',') + trimmed : ''}`;
}
