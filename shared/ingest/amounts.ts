// Money as exports write it (`1.234,56`, `1,234.56`, `12.50 EUR`, `-€5`), read into whole minor
// units of the currency, exactly: a value with more decimals than the currency has is an error.

/** Amounts are read into integer counts of 1/10,000 so summing line items never rounds. */
export const AMOUNT_SCALE = 10_000;

export type DecimalMark = '.' | ',';

/**
 * Parses an amount to an integer number of 1/10,000 units; NaN when it is not an amount. With a
 * single separator followed by exactly three digits (`1.234`) the file's decimal mark decides.
 */
export function parseAmount4(raw: string, decimalMark: DecimalMark): number {
  let negative = false;
  let digits = 0;
  let intPart = 0;
  let sawDigit = false;
  // Positions (in digits seen) and kinds of separators.
  let lastSep = -1;
  let lastSepDigits = 0;
  let dots = 0;
  let commas = 0;
  let fracDigitsAfterLast = 0;
  // Digits between the last two separators, and whether any two separators held other than 2 or 3.
  let gapBeforeLast = -1;
  let badGroup = false;
  let noCents = false;
  // Digits seen at the last space or apostrophe between two digits (`1 234,56`, `1'234`), while the
  // group it opened is still being read: it must hold exactly three digits.
  let openGroupAt = -1;
  let lettersAfterDigits = false;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // No digit after the Swiss and German "no cents" dash (`12.-5`): not an amount.
      if (noCents || lettersAfterDigits) return NaN;
      intPart = intPart * 10 + (c - 48);
      digits++;
      sawDigit = true;
      if (lastSep >= 0) fracDigitsAfterLast++;
      continue;
    }
    if (c === 46 || c === 44) {
      if (openGroupAt >= 0) {
        if (digits - openGroupAt !== 3) return NaN;
        openGroupAt = -1;
      }
      if (c === 46) dots++;
      else commas++;
      if (lastSep >= 0) {
        gapBeforeLast = digits - lastSepDigits;
        // Every separator but the last groups thousands: three digits (two in India's 1,23,456).
        if (gapBeforeLast !== 2 && gapBeforeLast !== 3) badGroup = true;
      }
      lastSep = c;
      lastSepDigits = digits;
      fracDigitsAfterLast = 0;
      continue;
    }
    // `12.-`, `12,–`, `CHF 12.—`: a dash right after the decimal mark writes no cents (Swiss and
    // German prices), it is no sign. SAP's trailing minus follows the cents (`12.50-`).
    if ((c === 45 || c === 0x2013 || c === 0x2014) && sawDigit && lastSep >= 0 && lastSepDigits === digits && raw.charCodeAt(i - 1) === lastSep) {
      noCents = true;
      continue;
    }
    if (c === 45 || c === 0x2212) {
      negative = !negative;
      continue;
    }
    if (c === 40 || c === 41) {
      // Accounting style (12.50) is negative.
      if (c === 40) negative = !negative;
      continue;
    }
    // Spaces, NBSP, thin spaces, apostrophes (Swiss 1'234), plus signs, currency symbols and codes.
    if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 39 || c === 0x2019) {
      // Between two digits it groups thousands (`1 234`): `1 2.50` or `12 50` is no amount.
      if (i > 0 && i + 1 < n && isDigitCode(raw.charCodeAt(i - 1)) && isDigitCode(raw.charCodeAt(i + 1))) {
        if (openGroupAt >= 0 ? digits - openGroupAt !== 3 : digits - (lastSep >= 0 ? lastSepDigits : 0) > 3) return NaN;
        openGroupAt = digits;
      }
      continue;
    }
    if (c === 43) continue;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && c !== 0x20ac && c !== 0xa3 && c !== 0xa5 && !isCurrencySignCode(c))) {
      // Letters as a currency's code, name or sign (`EUR`, `zł`, `US$`, `RM`, `KSh`), never inside
      // the number (`12zł50`, `3 x 12.50`), nor one glued to it that names none (`12.5x`, `1E+11`);
      // a longer word that names none is no amount (`Straße 5`).
      const word = letterRunAt(raw, i);
      if (word === null || !currencyWordAt(raw, word.start, word.end)) return NaN;
      if (sawDigit) lettersAfterDigits = true;
      // The dot of an abbreviation (`Fr.`, `Rs.`, `kr.`) is no decimal mark.
      i = raw.charCodeAt(word.end) === 46 && isAbbreviation(raw, word.start, word.end) ? word.end : word.end - 1;
      continue;
    }
    if (c === 0x20ac || c === 36 || c === 0xa3 || c === 0xa5 || c > 127) {
      if (sawDigit && i + 1 < n && isDigitCode(raw.charCodeAt(i + 1))) return NaN; // a sign inside the number
      continue;
    }
    return NaN;
  }
  if (digits === 0 || digits > 17) return NaN;
  if (openGroupAt >= 0 && digits - openGroupAt !== 3) return NaN;
  let fraction = 0;
  if (lastSep >= 0) {
    const lastIsDot = lastSep === 46;
    const sameKind = lastIsDot ? dots : commas;
    const otherKind = lastIsDot ? commas : dots;
    if (otherKind > 0 && sameKind > 1) return NaN;
    // `12..50`, `1,234,56`: separators that group no thousands are a typo, not a larger amount.
    if (badGroup) return NaN;
    let isDecimal: boolean;
    if (otherKind > 0) isDecimal = true;
    else if (sameKind > 1) isDecimal = false;
    else if (fracDigitsAfterLast === 3) isDecimal = (lastIsDot ? '.' : ',') === decimalMark;
    else isDecimal = true;
    if (isDecimal) {
      fraction = fracDigitsAfterLast;
      if (lastSepDigits + fraction !== digits) return NaN;
      if (gapBeforeLast >= 0 && gapBeforeLast !== 3) return NaN;
    } else if (fracDigitsAfterLast !== 3) return NaN;
  }
  if (fraction > 4) return NaN;
  const value = intPart * 10 ** (4 - fraction);
  if (!Number.isSafeInteger(value)) return NaN;
  // `-0.00` is zero: a negative zero would show as -€0.00.
  return negative && value !== 0 ? -value : value;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Currency signs beyond ASCII (`₹`, `₽`, `₺`, `฿`); `¢` is not one (cents are no unit the amount is in). */
function isCurrencySignCode(c: number): boolean {
  return (c >= 0x20a0 && c <= 0x20cf) || c === 0x0e3f;
}

const LETTER = /\p{L}/u;

const ABBREVIATED = new Set(['fr', 'sfr', 'rs', 'kr']);

/**
 * Whether the dot after the letters `raw[start, end)` ends an abbreviation (`Fr. 12.50`, `Gs. 12.000`):
 * a known one's whatever follows, another's only before a space or the end (`Nr.12` keeps its mark).
 */
function isAbbreviation(raw: string, start: number, end: number): boolean {
  if (ABBREVIATED.has(raw.slice(start, end).toLowerCase())) return true;
  const after = raw.charCodeAt(end + 1);
  return Number.isNaN(after) || after === 32 || after === 0xa0;
}

/**
 * Whether the letters `raw[start, end)` may stand in an amount: a currency's code or name (`EUR`,
 * `zł`, `US$`), or a short sign of up to three letters set apart from the digits (`RM 12.50`, `12,50
 * TL`, `KSh 1,234`, `NT$1,234`). One glued after a digit names a currency or is no amount (`12.5x`).
 */
function currencyWordAt(raw: string, start: number, end: number): boolean {
  const word = raw.slice(start, end).toLowerCase();
  if (Object.hasOwn(SIGNS, word)) return true;
  if (raw.charCodeAt(end) === 36 && Object.hasOwn(SIGNS, word + '$')) return true;
  if (word.length === 3 && isIsoCurrency(word.toUpperCase())) return true;
  return end - start <= 3 && !(start > 0 && isDigitCode(raw.charCodeAt(start - 1)));
}

/** The run of letters around `raw[i]` (a letter), or null when `raw[i]` is no letter. */
function letterRunAt(raw: string, i: number): { start: number; end: number } | null {
  if (!LETTER.test(raw[i]!)) return null;
  let start = i;
  while (start > 0 && LETTER.test(raw[start - 1]!)) start--;
  let end = i + 1;
  while (end < raw.length && LETTER.test(raw[end]!)) end++;
  return { start, end };
}

const ZERO_DECIMALS = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Decimal places of minor units (ISO 4217). */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  if (THREE_DECIMALS.has(currency)) return 3;
  return 2;
}

/** Whole minor units of `currency`, or NaN if the amount has more decimals than the currency. */
export function toMinorUnits(amount4: number, currency: string): number {
  const divisor = 10 ** (4 - currencyDecimals(currency));
  const minor = amount4 / divisor;
  return Number.isInteger(minor) ? minor : NaN;
}

/** `eur`, ` EUR `, `€`, `Euro` -> `EUR`, `zł` -> `PLN`; '' when it is not a currency. */
export function currencyCode(raw: string): string {
  const s = raw.trim();
  if (s === '€') return 'EUR';
  if (s === '$') return 'USD';
  if (s === '£') return 'GBP';
  // A sign or written name only one currency has (`zł`, `Kč`, `₹`, `Euro`).
  const sign = SIGNS[s.toLowerCase()];
  if (sign?.length === 1) return sign[0]!;
  if (s.length !== 3) return '';
  // An ISO 4217 code: a typo (`EUE`) is no currency, not a new one.
  const up = s.toUpperCase();
  return isIsoCurrency(up) ? up : '';
}

/**
 * `-`, `–`, `n/a`: how exports and spreadsheets write "none" in an amount column. Only an amount the
 * record may lack (a refund, a discount) reads it as empty; a required amount written so is no amount.
 */
export function meansNoAmount(raw: string): boolean {
  // A `'` before it is the guard a spreadsheet-safe CSV writer puts before a lone `-`.
  const s = raw.trim().replace(/^'/, '').toLowerCase();
  return s === '' || s === '-' || s === '\u2013' || s === '\u2014' || s === 'n/a' || s === 'n.a.' || s === 'k.a.' || s === 'none';
}

// Signs several currencies share: the cell alone cannot say which one it is.
const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD', 'ARS', 'CLP', 'COP'];
const SIGNS: Readonly<Record<string, readonly string[]>> = {
  '€': ['EUR'],
  '£': ['GBP'],
  $: DOLLARS,
  '¥': ['JPY', 'CNY'],
  kr: ['SEK', 'NOK', 'DKK', 'ISK'],
  zł: ['PLN'],
  kč: ['CZK'],
  ft: ['HUF'],
  lei: ['RON'],
  '₹': ['INR'],
  '₽': ['RUB'],
  '₺': ['TRY'],
  '₩': ['KRW'],
  '₪': ['ILS'],
  '₫': ['VND'],
  '₱': ['PHP'],
  '₴': ['UAH'],
  '₦': ['NGN'],
  '฿': ['THB'],
  euro: ['EUR'],
  euros: ['EUR'],
  dollar: DOLLARS,
  dollars: DOLLARS,
  // Signs written in plain letters: Swiss `Fr.`, rupees, and `zł`, `Kč` without their accents.
  fr: ['CHF'],
  sfr: ['CHF'],
  rs: ['INR', 'PKR', 'LKR', 'NPR'],
  zl: ['PLN'],
  kc: ['CZK'],
  // Dollars with their country written in front, as in `US$ 12.50` or `CA$12.50`.
  us$: ['USD'],
  ca$: ['CAD'],
  c$: ['CAD'],
  a$: ['AUD'],
  au$: ['AUD'],
  nz$: ['NZD'],
  hk$: ['HKD'],
  s$: ['SGD'],
  sg$: ['SGD'],
  mx$: ['MXN'],
  r$: ['BRL'],
};

let isoCurrencies: ReadonlySet<string> | undefined;

// Codes real exports still write that Intl does not list: replaced ones providers kept (Stripe's
// mro, std, vef, ltl), older euro-area and other retired codes, and ISO's fund and metal codes.
const LISTED_ELSEWHERE = [
  'MRO',
  'STD',
  'VEF',
  'LTL',
  'LVL',
  'EEK',
  'SKK',
  'CYP',
  'MTL',
  'SIT',
  'HRK',
  'BYR',
  'ZMK',
  'GHC',
  'TRL',
  'ROL',
  'MZM',
  'SDD',
  'CSD',
  'VEB',
  'ZWD',
  'ZWL',
  'SLL',
  'CUC',
  'CLF',
  'UYI',
  'UYW',
  'BOV',
  'CHE',
  'CHW',
  'COU',
  'MXV',
  'USN',
  'XDR',
  'XAU',
  'XAG',
  'XPT',
  'XPD',
  'XSU',
  'XUA',
  'VED',
  'SLE',
  'ZWG',
];

function isIsoCurrency(code: string): boolean {
  isoCurrencies ??= new Set([...Intl.supportedValuesOf('currency'), ...LISTED_ELSEWHERE]);
  return isoCurrencies.has(code);
}

/**
 * The currencies an amount cell names by sign or code (`$12.50`, `12,50 EUR`, `US$ 5`): null when it
 * names none, one code when it is certain, several when the sign is shared (`$`, `¥`, `kr`), none
 * when the cell names two that cannot both be true (`$12.50 EUR`). Words that are no currency are
 * not counted.
 */
export function currenciesNamedIn(raw: string): readonly string[] | null {
  let plain = true;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = (c >= 48 && c <= 57) || c === 46 || c === 44 || c === 45 || c === 32 || c === 43 || c === 40 || c === 41 || c === 39 || c === 0xa0;
  }
  if (plain) return null;
  let named: readonly string[] | null = null;
  for (const m of raw.matchAll(/\p{L}*[$€£¥₹₽₺₩₪₫₱₴₦฿]|\p{L}+/gu)) {
    const token = m[0];
    const upper = token.toUpperCase();
    const codes = SIGNS[token.toLowerCase()] ?? (token.length === 3 && isIsoCurrency(upper) ? [upper] : SIGNS[token.slice(-1)]);
    if (!codes) continue;
    named = named === null ? codes : named.filter((c) => codes.includes(c));
  }
  return named;
}

/** Votes on the decimal mark of a file from amount cells: `12,50` says comma, `12.50` says dot. */
export function decimalMarkEvidence(value: string): DecimalMark | null {
  const s = value.trim();
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  const last = Math.max(dot, comma);
  if (last < 0) return null;
  const after = s.length - last - 1;
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  if (after === 1 || after === 2) return last === dot ? '.' : ',';
  return null;
}
