// Card data at the door: full card numbers are reduced to BIN + last 4 the moment they are read,
// security codes are never read, and stray card numbers inside free text are masked.

/** Luhn check over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The digits of `value` if the whole value is written like a card number: 13-19 digits, either
 * unbroken or in groups separated by single spaces or dashes with a first group of four (as cards
 * are printed), and Luhn-valid. Amazon order numbers (3-7-7) and phone numbers do not qualify.
 */
export function cardNumberDigits(value: string): string | null {
  const s = value.trim();
  if (s.length < 13 || s.length > 23) return null;
  let digits = '';
  let group = 0;
  let firstGroup = -1;
  let separated = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += s[i];
      group++;
    } else if ((c === 32 || c === 45) && group > 0 && i + 1 < s.length) {
      if (firstGroup < 0) firstGroup = group;
      separated = true;
      group = 0;
    } else {
      return null;
    }
  }
  if (digits.length < 13 || digits.length > 19) return null;
  if (separated && firstGroup !== 4) return null;
  return luhnValid(digits) ? digits : null;
}

/**
 * BIN kept from a full card number: the first 8 digits for 16-19 digit numbers (8-digit IINs, and
 * what PCI DSS allows to keep beside the last 4), the first 6 for shorter ones (Amex, old Maestro).
 */
export function binOf(digits: string): string {
  return digits.slice(0, digits.length >= 16 ? 8 : 6);
}

export function last4Of(digits: string): string {
  return digits.slice(-4);
}

export interface CardSummary {
  bin: string;
  last4: string;
}

/**
 * BIN and last 4 from a card-number cell: a full number, or one already masked as providers write
 * them (`411111******1111`, `4111 11XX XXXX 1111`, `************1111`). Null when neither shows.
 */
export function cardSummaryOf(value: string): CardSummary | null {
  const full = cardNumberDigits(value);
  if (full) return { bin: binOf(full), last4: last4Of(full) };
  const s = value.replace(/[\s-]/g, '');
  const m = /^(\d{6,8})?[*xX•#.]+(\d{4})$/.exec(s);
  if (!m) return null;
  return { bin: m[1] ? m[1].slice(0, 8) : '', last4: m[2]! };
}

// Security codes: by name. Check results (Stripe `Card CVC Status`, `CVC check`) are not codes.
const SECURITY_CODE_NAMES = /(^|[^a-z])(cvv2?|cvc2?|cid|csc|cav2|kpn)([^a-z]|$)|security code|sicherheitscode|prüfnummer|prufnummer|pruefnummer|prüfziffer|pruefziffer/;
const CHECK_RESULT_NAMES = /status|check|result|response|ergebnis|match/;

/** True for columns holding card security codes, which are never read. `key` is a header key. */
export function isSecurityCodeColumn(key: string): boolean {
  return SECURITY_CODE_NAMES.test(key) && !CHECK_RESULT_NAMES.test(key);
}

/** Column names that announce card numbers (so a single matching value is enough evidence). */
export function namesCardNumber(key: string): boolean {
  return /card ?number|kartennummer|^pan$|shopper pan|cc ?number|credit ?card|kreditkarte|card_number|cardnumber/.test(key);
}

export interface PanEvidence {
  nonEmpty: number;
  cardNumbers: number;
}

/**
 * Whether sampled values make a column a card-number column. Random 13-19 digit ids are Luhn-valid
 * one time in ten, so without a telling name most of the values must qualify, and identifier
 * columns need several before they are given up.
 */
export function isCardNumberColumn(evidence: PanEvidence, key: string, identifier: boolean): boolean {
  const { nonEmpty, cardNumbers } = evidence;
  if (cardNumbers === 0) return false;
  if (namesCardNumber(key)) return true;
  if (identifier) return cardNumbers >= 3 && cardNumbers * 10 >= nonEmpty * 8;
  return cardNumbers * 2 >= nonEmpty;
}

/**
 * Masks every Luhn-valid run of 13-19 digits (single spaces or dashes allowed between digits) in
 * free text as BIN + `******` + last 4. Returns the text unchanged when there is nothing to mask.
 */
export function maskCardNumbers(text: string): { text: string; masked: number } {
  if (!hasLongDigitRun(text)) return { text, masked: 0 };
  // Masking shortens digit runs, so a pass can expose a new run (e.g. digits before a BIN): repeat.
  let total = 0;
  let current = text;
  for (;;) {
    const pass = maskPass(current);
    if (pass.masked === 0) return { text: current, masked: total };
    total += pass.masked;
    current = pass.text;
  }
}

function maskPass(text: string): { text: string; masked: number } {
  let out = '';
  let from = 0;
  let masked = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let end = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        digits += text[i];
        end = ++i;
      } else if ((c === 32 || c === 45) && isDigit(text.charCodeAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    const hit = findCardRun(digits);
    if (hit) {
      // Map digit positions back to text positions within [start, end).
      const [a, b] = digitSpan(text, start, hit.from, hit.to);
      out += text.slice(from, a) + binOf(hit.digits) + '******' + last4Of(hit.digits);
      from = b;
      masked++;
    }
    i = end;
  }
  return masked === 0 ? { text, masked } : { text: out + text.slice(from), masked };
}

/** Cheap pre-check: does `text` hold 13+ digits in a row (single spaces or dashes allowed between)? */
export function hasLongDigitRun(text: string): boolean {
  if (text.length < 13) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= 13) return true;
    } else if (!((c === 32 || c === 45) && run > 0 && isDigit(text.charCodeAt(i + 1)))) {
      run = 0;
    }
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The longest Luhn-valid 13-19 digit window in a digit run (a longer run may embed a card). */
function findCardRun(digits: string): { from: number; to: number; digits: string } | null {
  if (digits.length < 13) return null;
  for (let len = Math.min(19, digits.length); len >= 13; len--) {
    for (let s = 0; s + len <= digits.length; s++) {
      const d = digits.slice(s, s + len);
      if (luhnValid(d)) return { from: s, to: s + len, digits: d };
    }
  }
  return null;
}

function digitSpan(text: string, start: number, fromDigit: number, toDigit: number): [number, number] {
  let k = 0;
  let a = start;
  let b = start;
  for (let i = start; i < text.length && k <= toDigit; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    if (k === fromDigit) a = i;
    k++;
    if (k === toDigit) {
      b = i + 1;
      break;
    }
  }
  return [a, b];
}
