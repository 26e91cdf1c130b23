// Card facts out of a group's cells: BIN, last 4, expiry, fingerprint and brand, and the card checks
// (CVC, AVS, 3-D Secure). Only a summary of a card is ever kept; what cannot be read is said, not dropped.
import { cardSummaryOf } from '../cardData';
import { expiryFromText, expiryOf } from '../cardExpiry';
import { cardBrandOf } from '../vocabulary';
import type { BuildContext, RowGroup } from './context';
import { avsOf, CARD_CHECK_FIELDS, cardCheckOf, threeDsOf, type CardCheckField, type CardChecks } from '../../domain/cardChecks';

export interface CardCells {
  cardBin: string;
  cardLast4: string;
  cardExpiry: string;
  cardFingerprint: string;
  cardBrand: string;
}

const digitsOnly = (s: string) => s.replace(/\D/g, '');

interface CardFieldIndices {
  number: number;
  bin: number;
  last4: number;
  expiry: number;
  expMonth: number;
  expYear: number;
  fingerprint: number;
  brand: number;
}
const cardIndexCache = new WeakMap<BuildContext, CardFieldIndices>();

function cardIndices(ctx: BuildContext): CardFieldIndices {
  let ix = cardIndexCache.get(ctx);
  if (!ix) {
    ix = {
      number: ctx.f('cardNumber'),
      bin: ctx.f('cardBin'),
      last4: ctx.f('cardLast4'),
      expiry: ctx.f('cardExpiry'),
      expMonth: ctx.f('cardExpMonth'),
      expYear: ctx.f('cardExpYear'),
      fingerprint: ctx.f('cardFingerprint'),
      brand: ctx.f('cardBrand'),
    };
    cardIndexCache.set(ctx, ix);
  }
  return ix;
}

/**
 * The card summary. Card-number cells (full or masked) only ever pass through cardSummaryOf;
 * explicit BIN / last-4 columns win when filled. A filled card cell that cannot be read is left
 * empty with a warning naming its column, never dropped without a word.
 */
export function cardCells(ctx: BuildContext, g: RowGroup): CardCells {
  const F = cardIndices(ctx);
  const at = ctx.locate(g, F.number);
  const summary = at.value === '' ? null : cardSummaryOf(at.value);
  if (at.value !== '' && !summary)
    ctx.messages.warn(
      'unreadable-card-number',
      `${ctx.columnLabel(at.column)} has values that are no card number (a spreadsheet may have rewritten them, as in 4.11111E+15); the card was left empty`,
      g.lines[at.row],
    );
  const bin = binCell(ctx, g, F.bin);
  return {
    cardBin: bin || summary?.bin || '',
    cardLast4: last4Cell(ctx, g, F.last4) || summary?.last4 || '',
    cardExpiry: expiryCell(ctx, g, F),
    cardFingerprint: ctx.identifier(g, F.fingerprint),
    cardBrand: cardBrandOf(ctx.text(g, F.brand)),
  };
}

/**
 * The BIN of field `f`: 6 or 8 digits. A longer run keeps its first 8 (a full card number, 13
 * digits or more, is not kept at all); a shorter one is no BIN. Either way the file says so.
 */
function binCell(ctx: BuildContext, g: RowGroup, f: number): string {
  const at = ctx.locate(g, f);
  if (at.value === '') return '';
  // A card number in the BIN column, masked (`424242******4242`, as the card screen leaves a whole
  // one, which it reported): its BIN, not the first 8 of its digits run together; masked to its
  // first 4 and last 4 (`4000 **** **** 5556`), no BIN at all.
  if (/[*xX•#]/.test(at.value)) {
    const masked = cardSummaryOf(at.value);
    if (masked && masked.bin.length >= 6) return masked.bin;
    ctx.messages.warn(
      'masked-card-bin',
      `${ctx.columnLabel(at.column)} has masked card numbers that show no whole BIN (the first 6 or 8 digits); they were left empty`,
      g.lines[at.row],
    );
    return '';
  }
  const bin = digitsOnly(at.value);
  if (bin.length >= 6 && bin.length <= 8) return bin;
  if (bin.length >= 13) {
    ctx.messages.warn(
      'card-number-in-bin',
      `${ctx.columnLabel(at.column)} has values as long as a whole card number; they were not kept (a BIN is the first 6 or 8 digits)`,
      g.lines[at.row],
    );
    return '';
  }
  if (bin.length > 8) {
    ctx.messages.warn('long-card-bin', `${ctx.columnLabel(at.column)} has BIN values longer than 8 digits; their first 8 digits were kept`, g.lines[at.row]);
    return bin.slice(0, 8);
  }
  ctx.messages.warn(
    'short-card-bin',
    `${ctx.columnLabel(at.column)} has values with fewer than 6 digits, which is no BIN (the first 6 or 8 digits of a card); they were left empty`,
    g.lines[at.row],
  );
  return '';
}

/**
 * Last 4 digits of field `f`. Excel drops leading zeros (`0042` becomes `42`): a cell of one to
 * three digits is read with the zeros put back, and the file says so.
 */
function last4Cell(ctx: BuildContext, g: RowGroup, f: number): string {
  const at = ctx.locate(g, f);
  if (at.value === '') return '';
  const cell = at.value.charCodeAt(0) === 39 ? at.value.slice(1).trim() : at.value;
  if (/^\d{1,3}$/.test(cell)) {
    ctx.messages.warn(
      'card-last4-padded',
      `${ctx.columnLabel(at.column)} has last-4 values with fewer than 4 digits, as a spreadsheet writes 0042 as 42; they were read with leading zeros`,
      g.lines[at.row],
    );
    return cell.padStart(4, '0');
  }
  const last4 = digitsOnly(cell).slice(-4);
  if (last4.length === 4) return last4;
  ctx.messages.warn(
    'invalid-card-last4',
    `${ctx.columnLabel(at.column)} has values that are not the last 4 digits of a card; they were left empty`,
    g.lines[at.row],
  );
  return '';
}

/** `MM/YY` from the expiry column, else from the month and year columns; '' with a warning when unreadable. */
function expiryCell(ctx: BuildContext, g: RowGroup, F: CardFieldIndices): string {
  const text = ctx.locate(g, F.expiry);
  const expiry = text.value === '' ? '' : expiryFromText(text.value);
  if (expiry !== '') return expiry;
  const month = ctx.locate(g, F.expMonth);
  const year = ctx.locate(g, F.expYear);
  if (month.value !== '' && year.value !== '') {
    const fromParts = expiryOf(month.value, year.value);
    if (fromParts !== '') return fromParts;
  }
  if (text.value !== '') {
    ctx.messages.warn(
      'invalid-card-expiry',
      `${ctx.columnLabel(text.column)} has values that are not a card expiry with a certain month and year (e.g. 12/27, 12/2027, 2027-12); they were left empty`,
      g.lines[text.row],
    );
  } else if (month.value !== '' || year.value !== '') {
    // A month without a year, a year without a month, or either out of range: no expiry.
    ctx.messages.warn(
      'invalid-card-expiry',
      `${ctx.fieldLabel(F.expMonth)} and ${ctx.fieldLabel(F.expYear)} have values that do not give a card expiry (a month 1-12 and a year like 2027 or 27); they were left empty`,
      g.lines[month.value !== '' ? month.row : year.row],
    );
  }
  return '';
}

const NO_CHECKS: Readonly<CardChecks> = Object.freeze({});
const checkIndexCache = new WeakMap<BuildContext, { cvc: number; postcode: number; line1: number; avs: number; threeDs: number; any: boolean }>();

/** The card checks the mapping provides, read into the app's words; only known answers are set. */
export function cardCheckCells(ctx: BuildContext, g: RowGroup): CardChecks {
  let ix = checkIndexCache.get(ctx);
  if (!ix) {
    const cvc = ctx.f('cvcCheck');
    const postcode = ctx.f('avsPostcodeCheck');
    const line1 = ctx.f('avsLine1Check');
    const avs = ctx.f('avsResult');
    const threeDs = ctx.f('threeDs');
    const any = [cvc, postcode, line1, avs, threeDs].some((i) => ctx.mapped(i));
    checkIndexCache.set(ctx, (ix = { cvc, postcode, line1, avs, threeDs, any }));
  }
  // Most files have no card-check columns: nothing to read per row.
  if (!ix.any) return NO_CHECKS;
  const avs = avsOf(ctx.first(g, ix.avs));
  const checks: CardChecks = {};
  const cvc = cardCheckOf(ctx.first(g, ix.cvc));
  if (cvc) checks.cvcCheck = cvc;
  const postcode = cardCheckOf(ctx.first(g, ix.postcode)) || avs.postcode;
  if (postcode) checks.avsPostcodeCheck = postcode;
  const line1 = cardCheckOf(ctx.first(g, ix.line1)) || avs.line1;
  if (line1) checks.avsLine1Check = line1;
  const threeDs = threeDsOf(ctx.first(g, ix.threeDs));
  if (threeDs) checks.threeDs = threeDs;
  return checks;
}

/** Which card-check fields a mapping fills, for the record's provided list. */
export function cardChecksProvided(ctx: BuildContext): CardCheckField[] {
  const m = (name: string) => ctx.mapped(ctx.f(name));
  return CARD_CHECK_FIELDS.filter((k) => m(k) || ((k === 'avsPostcodeCheck' || k === 'avsLine1Check') && m('avsResult')));
}
