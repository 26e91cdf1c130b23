// Phone numbers as typed (+49 170 1234567, 0170/1234567, 0049 (0)170..., 06 12 34 56 78) to E.164,
// reading national numbers in the order's country. Unplaceable numbers give no key rather than a guess.

interface Dialling {
  cc: string;
  /** Trunk prefix dropped in international form; Italy keeps its leading 0, Spain and Poland have none. */
  trunk: '' | '0';
  /** Digits of a national number after the trunk prefix (national significant number). */
  nsn: readonly [min: number, max: number];
}

export const DIALLING: Record<string, Dialling> = {
  DE: { cc: '49', trunk: '0', nsn: [6, 11] },
  AT: { cc: '43', trunk: '0', nsn: [4, 13] },
  CH: { cc: '41', trunk: '0', nsn: [9, 9] },
  NL: { cc: '31', trunk: '0', nsn: [9, 9] },
  BE: { cc: '32', trunk: '0', nsn: [8, 9] },
  FR: { cc: '33', trunk: '0', nsn: [9, 9] },
  LU: { cc: '352', trunk: '', nsn: [4, 11] },
  PL: { cc: '48', trunk: '', nsn: [9, 9] },
  IT: { cc: '39', trunk: '', nsn: [6, 11] },
  ES: { cc: '34', trunk: '', nsn: [9, 9] },
  CZ: { cc: '420', trunk: '', nsn: [9, 9] },
  DK: { cc: '45', trunk: '', nsn: [8, 8] },
  SE: { cc: '46', trunk: '0', nsn: [7, 9] },
  GB: { cc: '44', trunk: '0', nsn: [9, 10] },
  IE: { cc: '353', trunk: '0', nsn: [7, 9] },
  PT: { cc: '351', trunk: '', nsn: [9, 9] },
  US: { cc: '1', trunk: '', nsn: [10, 10] },
};

/** The seller's home market: a national number that cannot belong to the order's country is read here. */
export const HOME_COUNTRY = 'DE';

const TRUNK_BY_CC = new Map(Object.values(DIALLING).map((d) => [d.cc, d.trunk]));

/** The calling code the digits start with, longest first ("352" before "35"). */
function callingCode(digits: string): string | undefined {
  for (const len of [3, 2, 1]) {
    const cc = digits.slice(0, len);
    if (TRUNK_BY_CC.has(cc)) return cc;
  }
  return undefined;
}

/** The international digits of a national number read in `country`, or null when it cannot be one there. */
function national(digits: string, country: string): string | null {
  const d = DIALLING[country];
  if (!d) return null;
  // Vienna (01) numbers are at most 9 digits after the 0; "0157 4846428" is a German mobile.
  if (country === 'AT' && digits.startsWith('01') && digits.length > 10) return null;
  // "491701234567": the "+" forgotten in front of the own calling code.
  if (digits.startsWith(d.cc) && digits.length - d.cc.length >= Math.max(d.nsn[0], 8) && digits.length - d.cc.length <= d.nsn[1]) {
    if (!d.trunk || !digits.startsWith(d.trunk)) return digits;
  }
  const nsn = d.trunk ? (digits.startsWith(d.trunk) ? digits.slice(1) : null) : digits;
  if (nsn === null || nsn.length < d.nsn[0] || nsn.length > d.nsn[1]) return null;
  return d.cc + nsn;
}

/** E.164 (`+4917012345678`) or null when the text holds no placeable number. */
export function normalisePhone(raw: string, country: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  // "+49 (0)170": the bracketed trunk zero is a national habit written into international form.
  const compact = s.replace(/\(0\)/g, '');
  const digits = compact.replace(/\D/g, '');
  let international: string;
  if (compact.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else {
    // A German shopper shipping to France still types "0157-..."; 11 digits cannot be French.
    const placed = national(digits, country.trim().toUpperCase()) ?? national(digits, HOME_COUNTRY);
    if (!placed) return null;
    international = placed;
  }
  const cc = callingCode(international);
  if (cc && TRUNK_BY_CC.get(cc) === '0' && international[cc.length] === '0') {
    international = cc + international.slice(cc.length + 1);
  }
  if (international.length < 8 || international.length > 15) return null;
  // No calling code starts with 0, and no subscriber number is all zeros: "0000000000" typed into a
  // mandatory field is a placeholder many strangers share.
  if (international.startsWith('0') || isPlaceholderNumber(international.slice(cc?.length ?? 0))) return null;
  return `+${international}`;
}

/**
 * A national number no one is reached at: one digit repeated ("0000000000", "1111111111") or a
 * run of the keypad ("0123456789", "0987654321", "01 23 45 67 89"), what is typed to get past a
 * mandatory field. Runs inside a real number ("0171 1234567") are the subscriber's own.
 */
function isPlaceholderNumber(nsn: string): boolean {
  // From 5 digits: "123456" after a country code is as typed-to-get-past as "0123456789".
  return /^(\d)\1*$/.test(nsn) || (nsn.length >= 5 && ('01234567890123456789'.includes(nsn) || '98765432109876543210'.includes(nsn)));
}
