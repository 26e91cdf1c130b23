// Card data at the door, by column: the card-number column is reduced to BIN + last 4 the moment it
// is read, security-code columns are never read. What a card number is: shared/domain/cardNumbers.
import { binOf, cardNumberDigits, cardZeroedBySpreadsheet, last4Of } from '../domain/cardNumbers';
import { luhnValid } from '../domain/luhn';

export { luhnValid };
export { binOf, cardNumberDigits, cardZeroedBySpreadsheet, findCardNumbers, hasLongDigitRun, last4Of, maskCardNumbers } from '../domain/cardNumbers';

export interface CardSummary {
  bin: string;
  last4: string;
}

/**
 * BIN and last 4 from a card-number cell: a full number (also one whose check digit a spreadsheet
 * zeroed), or one already masked as providers write them (`411111******1111`, `4111 11XX XXXX 1111`,
 * `************1111`). Null when neither shows.
 */
export function cardSummaryOf(value: string): CardSummary | null {
  // A card of 17-19 digits cut to 15 first: its zeros may pass Luhn, and they are no last 4.
  const zeroed = cardZeroedBySpreadsheet(value);
  if (zeroed && zeroed.last4 === '') return { bin: zeroed.bin, last4: '' };
  const full = cardNumberDigits(value);
  if (full) return { bin: binOf(full), last4: last4Of(full) };
  if (zeroed) return { bin: zeroed.bin, last4: zeroed.last4 };
  const s = value.replace(/[\s-]/g, '');
  const m = /^(\d{6,8})?[*xX•#.]+(\d{4})$/.exec(s);
  if (!m) return null;
  return { bin: m[1] ? m[1].slice(0, 8) : '', last4: m[2]! };
}

// Security codes: by name, in the spellings processors and shop systems use (CVV2, CVC2, CV2, CVN,
// CID, CSC, CVD, "card verification value", "Kartenprüfnummer"). A code must never be stored, so a
// name that merely might be one is left unread: losing a column is safer than keeping a code.
// Check results (Stripe `Card CVC Status`, `CVC check`, `CVV2 Match`) are not codes. Header keys are
// lower case, so a shop's camel case (`CardCVV`, `cvvCode`, Authorize.Net's `cardCode`) reaches
// here glued together: a code's token may follow `card`/`cc` and precede `code`/`number`/`value`.
const SECURITY_CODE_TOKENS = /(^|[^a-z]|card|cc)(cvv2?|cvc2?|cv2|cvn2?|cvd|cid|csc|cav2|kpn)([^a-z]|$|code|number|num|nr|value)/;
const SECURITY_CODE_PHRASES =
  /security ?code|sicherheitscode|(card|karten) ?verification|verification ?(value|code)|prüfnummer|prufnummer|pruefnummer|prüfziffer|pruefziffer|cryptogramme|c[oó]digo de seguridad|codice di sicurezza|beveiligingscode|^card ?code$/;
const CHECK_RESULT_NAMES = /status|check|result|response|ergebnis|match|indicator/;

/** True for columns holding card security codes, which are never read. `key` is a header key. */
export function isSecurityCodeColumn(key: string): boolean {
  // Headers typed on a Mac can spell ü as u + combining diaeresis; `security_code` and
  // `card-security-code` are the spaced names written by a database or a URL.
  const k = key.normalize('NFC').replace(/[_.-]+/g, ' ');
  return (SECURITY_CODE_TOKENS.test(k) || SECURITY_CODE_PHRASES.test(k)) && !CHECK_RESULT_NAMES.test(k);
}

/**
 * Column names that announce card numbers: such a column is the card-number column whatever the
 * mapping says, and only its BIN and last 4 are ever read.
 */
export function namesCardNumber(key: string): boolean {
  return /card ?number|kartennummer|^pan$|shopper pan|cc ?number|credit ?card|kreditkarte|card_number|cardnumber/.test(key);
}
