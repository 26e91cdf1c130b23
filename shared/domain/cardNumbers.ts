// What counts as a payment card number: a card network's IIN range at one of its lengths, Luhn-valid,
// written plainly or in the groups cards are printed in; and finding and reducing such numbers in text.
import { luhnValid } from './luhn';

export interface CardNetwork {
  network: string;
  /** IIN prefixes: a single prefix (`4`) or an inclusive range of equally long ones (`51-55`). */
  iin: readonly string[];
  lengths: readonly number[];
}

const span = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The networks a marketplace seller's customers pay with, from the IIN table of Wikipedia's
 * "Payment card number" article (2024 revisions), narrowed where a published length would take
 * common ids for cards (about one random id in ten passes Luhn):
 * - Maestro is listed at 12-19 digits; kept at 16-19, as Maestro cards are issued today. At 13-15,
 *   Shopify's 13-digit order ids (`5678901234565`, `6…`) and 15-digit IMEIs with TACs from 50 or
 *   56-69 would read as Maestro cards.
 * - Diners Club International (36) is 14-19; Carte Blanche 300-305 and the 3095 and 38-39 ranges
 *   Discover accepts are 14 or 16 (Cybersource and Vantiv card-type tables), so Amazon order
 *   numbers written without their dashes (17 digits from 303…) are not Diners cards.
 * - Left out: UATP (prefix 1, 15 digits: every 15-digit id starting with 1) and UnionPay's newer 81
 *   range (16-digit PSP references start with 8).
 * The longest matching prefix decides; between equally long ones, the earlier row (so Maestro's
 * 56-69 covers only what the rows above leave free, as the table says).
 */
export const CARD_NETWORKS: readonly CardNetwork[] = [
  { network: 'Visa', iin: ['4'], lengths: [13, 16, 19] },
  { network: 'Mastercard', iin: ['51-55', '2221-2720'], lengths: [16] },
  { network: 'American Express', iin: ['34', '37'], lengths: [15] },
  { network: 'Discover', iin: ['6011', '644-649', '65', '622126-622925'], lengths: span(16, 19) },
  { network: 'JCB', iin: ['3528-3589'], lengths: span(16, 19) },
  { network: 'Diners Club', iin: ['36'], lengths: span(14, 19) },
  { network: 'Diners Club', iin: ['300-305', '3095', '38-39'], lengths: [14, 16] },
  { network: 'UnionPay', iin: ['62'], lengths: span(16, 19) },
  { network: 'Mir', iin: ['2200-2204'], lengths: span(16, 19) },
  { network: 'Maestro', iin: ['50', '56-69'], lengths: span(16, 19) },
];

/** Groups cards are printed in: 16 as 4-4-4-4, 19 as 4-4-4-4-3, Amex 15 as 4-6-5, Diners 14 as 4-6-4. */
export const CARD_GROUPINGS: readonly (readonly number[])[] = [
  [4, 4, 4, 4, 3],
  [4, 4, 4, 4],
  [4, 6, 5],
  [4, 6, 4],
];

interface IinRange {
  digits: number;
  low: number;
  high: number;
  network: CardNetwork;
  order: number;
}

const RANGES: readonly IinRange[] = CARD_NETWORKS.flatMap((network, order) =>
  network.iin.map((text) => {
    const [low, high = low] = text.split('-') as [string, string?];
    return { digits: low.length, low: Number(low), high: Number(high), network, order };
  }),
).sort((a, b) => b.digits - a.digits || a.order - b.order);

/** Longest IIN prefix in the table; card numbers (13+ digits) always have this many. */
const PREFIX_DIGITS = Math.max(...RANGES.map((r) => r.digits));
const POW10 = Array.from({ length: PREFIX_DIGITS + 1 }, (_, i) => 10 ** i);

/** The network whose IIN range holds `digits`' prefix (longest prefix first), or null. */
function networkByPrefix(digits: string): CardNetwork | null {
  // The first six digits read once; each range's prefix is then a division, not a slice per range.
  let first6 = 0;
  for (let i = 0; i < PREFIX_DIGITS; i++) {
    const c = digits.charCodeAt(i);
    if (!isDigit(c)) return null;
    first6 = first6 * 10 + (c - 48);
  }
  for (const r of RANGES) {
    const prefix = Math.floor(first6 / POW10[PREFIX_DIGITS - r.digits]!);
    if (prefix >= r.low && prefix <= r.high) return r.network;
  }
  return null;
}

/** The network of a card number in plain digits, or null when no network issues such a number. */
export function cardNetworkOf(digits: string): string | null {
  if (digits.length < 13 || digits.length > 19) return null;
  const network = networkByPrefix(digits);
  return network && network.lengths.includes(digits.length) && luhnValid(digits) ? network.network : null;
}

export function isCardNumber(digits: string): boolean {
  return cardNetworkOf(digits) !== null;
}

/**
 * BIN kept from a full card number: the first 8 digits for 16-19 digit numbers (8-digit IINs, and
 * what PCI DSS allows to keep beside the last 4), the first 6 for shorter ones (Amex, Diners).
 */
export function binOf(digits: string): string {
  return digits.slice(0, digits.length >= 16 ? 8 : 6);
}

export function last4Of(digits: string): string {
  return digits.slice(-4);
}

/** A card number as it may be kept: BIN, six stars, last 4 (`41111111******1111`). */
export function reducedCardNumber(digits: string): string {
  return `${binOf(digits)}******${last4Of(digits)}`;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/**
 * What people put between a card's groups: a space (also no-break, narrow and thin ones, as word
 * processors and PDFs copy them), a dash or en dash, a dot.
 */
const isSeparator = (c: number): boolean => c === 32 || c === 45 || c === 46 || (c > 127 && (c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2013));
/** Up to this many separators in a row join two digit groups (`4111 - 1111`, `4111  1111`). */
const MAX_GAP = 3;

/** Where the digit after a gap of 1-3 separators starting at `i` is, or -1 when none follows. */
function digitAfterGap(text: string, i: number, end = text.length): number {
  let j = i;
  while (j < end && j - i < MAX_GAP && isSeparator(text.charCodeAt(j))) j++;
  return j > i && j < end && isDigit(text.charCodeAt(j)) ? j : -1;
}

/** Neither a digit nor a separator: no digit run goes through it. */
const breaksRuns = (c: number): boolean => !(isDigit(c) || isSeparator(c));

/**
 * Cheap pre-check: does `text` hold 13+ digits in a row (gaps of up to 3 separators allowed between)?
 * Such a run lies in a stretch of 13+ characters that are all digits or separators, so most text
 * (names, emails) is ruled out by looking at every 13th character: one that is neither skips the
 * 13 after it. Only a stretch that long is read character by character.
 */
export function hasLongDigitRun(text: string): boolean {
  const n = text.length;
  let from = 0;
  for (let probe = 12; probe < n; probe = from + 12) {
    if (breaksRuns(text.charCodeAt(probe))) {
      from = probe + 1;
      continue;
    }
    let b = probe - 1;
    while (b >= from && !breaksRuns(text.charCodeAt(b))) b--;
    if (b >= from) {
      from = b + 1;
      continue;
    }
    let end = probe + 1;
    while (end < n && !breaksRuns(text.charCodeAt(end))) end++;
    if (digitRunIn(text, from, end)) return true;
    from = end + 1;
  }
  return false;
}

/** 13+ digits in a row within text[from, end), a stretch of digits and separators only. */
function digitRunIn(text: string, from: number, end: number): boolean {
  let run = 0;
  for (let i = from; i < end; i++) {
    if (isDigit(text.charCodeAt(i))) {
      if (++run >= 13) return true;
      continue;
    }
    const next = run > 0 ? digitAfterGap(text, i, end) : -1;
    if (next === -1) run = 0;
    else i = next - 1;
  }
  return false;
}

export interface CardNumberFound {
  /** Where the number is written in the text, separators included: [start, end). */
  start: number;
  end: number;
  digits: string;
}

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

/**
 * Card numbers written in `text`: a run of digits that is a card number as a whole, or groups
 * joined by single spaces or dashes in a printed card layout. Never part of a longer run (13-digit
 * order ids inside longer numbers stay whole), never digits after `+` (phone numbers), and never
 * Amazon-style 3-7-7 or other groupings. The one exception: a zero-padded card in a longer run.
 */
export function findCardNumbers(text: string): CardNumberFound[] {
  const found: CardNumberFound[] = [];
  if (!hasLongDigitRun(text)) return found;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const groups: DigitGroup[] = [];
    const afterPlus = i > 0 && text.charCodeAt(i - 1) === 43;
    for (;;) {
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      groups.push({ start, end: i, digits: text.slice(start, i) });
      const next = digitAfterGap(text, i);
      if (next === -1) break;
      i = next;
    }
    // Digits after `+` are a phone number of 15 digits at most (E.164): its groups are no card;
    // groups joined after them (`+4915112345678 - 4111…`) or a single run longer than that may be.
    let phone = 0;
    if (afterPlus) for (let digits = 0; phone < groups.length && (digits += groups[phone]!.digits.length) <= 15;) phone++;
    cardsInGroups(text, phone === 0 ? groups : groups.slice(phone), found);
  }
  return found;
}

function cardsInGroups(text: string, groups: readonly DigitGroup[], found: CardNumberFound[]): void {
  let g = 0;
  while (g < groups.length) {
    const printed = printedCardAt(text, groups, g);
    if (printed) {
      found.push(printed.card);
      g += printed.groups;
      continue;
    }
    const run = groups[g]!;
    const n = run.digits.length;
    if (n >= 13 && n <= 19 && isCardNumber(run.digits)) found.push({ ...run });
    else if (n > 19) {
      // Some systems pad card numbers with zeros to a fixed width (`00004111111111111111`).
      const pad = run.digits.length - run.digits.replace(/^0+/, '').length;
      const rest = run.digits.slice(pad);
      if (pad > 0 && isCardNumber(rest)) found.push({ start: run.start + pad, end: run.end, digits: rest });
    }
    g++;
  }
}

const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isHexLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 102;

/**
 * Letters glued to a digit group (before it when `step` is -1, after it when 1) make it part of a
 * hex token (`…-3095f3d4`, a uuid's) when they and the digits among them are all hex; a word
 * (`Karte4111 1111 1111 1111`) does not.
 */
function gluedToHex(text: string, at: number, step: -1 | 1): boolean {
  if (!isLetter(text.charCodeAt(at))) return false;
  for (let i = at; i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || isHexLetter(c)) continue;
    if (isLetter(c)) return false;
    break;
  }
  return true;
}

function printedCardAt(text: string, groups: readonly DigitGroup[], g: number): { card: CardNumberFound; groups: number } | null {
  for (const layout of CARD_GROUPINGS) {
    if (g + layout.length > groups.length) continue;
    if (!layout.every((len, k) => groups[g + k]!.digits.length === len)) continue;
    const parts = groups.slice(g, g + layout.length);
    // A printed card stands alone: digits of a uuid (`e2faa952-3026-4904-9376-3095f3d4ddc4`) are not one.
    if (gluedToHex(text, parts[0]!.start - 1, -1) || gluedToHex(text, parts.at(-1)!.end, 1)) continue;
    const digits = parts.map((p) => p.digits).join('');
    if (isCardNumber(digits)) return { card: { start: parts[0]!.start, end: parts.at(-1)!.end, digits }, groups: layout.length };
  }
  return null;
}

/** The digits when the whole of `value` (trimmed) is one card number, plain or printed; else null. */
export function cardNumberDigits(value: string): string | null {
  const s = value.trim();
  if (s.length < 13 || s.length > 23) return null;
  const [only, ...more] = findCardNumbers(s);
  return only && more.length === 0 && only.start === 0 && only.end === s.length ? only.digits : null;
}

/** A card a spreadsheet saved as a number: what of it can be kept, and its reduced form for text. */
export interface ZeroedCard {
  bin: string;
  /** '' when the spreadsheet zeroed them (a card of 17-19 digits). */
  last4: string;
  /** BIN, stars and last 4 (`41111111******1111`), or BIN and stars when the last 4 are lost. */
  reduced: string;
}

/**
 * A card in a cell of 16-19 plain digits past whose fifteenth a spreadsheet set every digit to 0:
 * Excel keeps 15 significant digits of a number and "changes any digits past the fifteenth place to
 * zeros" (Microsoft KB 269370). The first 15 still name the card. Of 16 digits only the Luhn check
 * digit went, so the card is whole again with it computed anew. Of 17-19 (Visa, Maestro, UnionPay,
 * Discover, JCB, Mir issue such cards) the last digits are lost: a network's number of that length
 * by its prefix, 15 digits of a card number all the same, kept as its BIN only, whether or not the
 * zeros pass Luhn. Null for any other value (a whole 16-digit card is read as such).
 */
export function cardZeroedBySpreadsheet(value: string): ZeroedCard | null {
  const s = value.trim();
  if (s.length < 16 || s.length > 19) return null;
  for (let i = 0; i < 15; i++) if (!isDigit(s.charCodeAt(i))) return null;
  for (let i = 15; i < s.length; i++) if (s.charCodeAt(i) !== 48) return null;
  if (s.length > 16) {
    // Even when the zeros happen to pass Luhn (one cut card in ten): a whole card of this length
    // ends in 2-4 zeros far less often than a spreadsheet cuts one, and a made-up last 4 would link
    // unrelated cards. Callers ask this before reading the cell as a whole card.
    const network = networkByPrefix(s);
    if (!network || !network.lengths.includes(s.length)) return null;
    return { bin: binOf(s), last4: '', reduced: `${binOf(s)}******` };
  }
  if (luhnValid(s) && isCardNumber(s)) return null;
  const first15 = s.slice(0, 15);
  for (let d = 1; d <= 9; d++) {
    const digits = first15 + String(d);
    if (luhnValid(digits)) return isCardNumber(digits) ? { bin: binOf(digits), last4: last4Of(digits), reduced: reducedCardNumber(digits) } : null;
  }
  return null;
}

/** Every card number in `text` reduced to BIN + last 4; `text` itself when there is none. */
export function maskCardNumbers(text: string): { text: string; masked: number } {
  const found = findCardNumbers(text);
  if (found.length === 0) return { text, masked: 0 };
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.start) + reducedCardNumber(f.digits);
    from = f.end;
  }
  return { text: out + text.slice(from), masked: found.length };
}

/**
 * In a phone field, a card number found that is a phone number written without its + (4915112345678):
 * a plain run of 13-15 digits after a country code whose numbers run that long. Of the codes under
 * a card network's prefix only Austria's (43) and Germany's (49) do, and the UK's (44) with its
 * trunk 0 kept (4407911123456); an Amex (34, 37) or Diners (30, 36, 38, 39) number of 14-15
 * digits, or a 13-digit Visa after 40-42 or 45-48, is no phone.
 */
export function phoneWithoutPlus(f: CardNumberFound): boolean {
  return f.end - f.start === f.digits.length && f.digits.length <= 15 && /^4[349]/.test(f.digits);
}

/** A full card number anywhere in a stored text, as the import's card screen reads it (a phone field: phoneWithoutPlus). */
export function holdsCardNumber(text: string, phone = false): boolean {
  if (!hasLongDigitRun(text)) return false;
  return findCardNumbers(text).some((f) => !phone || !phoneWithoutPlus(f));
}

/**
 * Text an analyst typed (a decision note, a reason, a claim's words) as it is kept: trimmed, any
 * card number in it reduced to BIN + last 4. Notes go into the log and into backups; a card pasted
 * into one must not be kept there whole.
 */
export function keptNote(text: string): string {
  return maskCardNumbers(text.trim()).text;
}
