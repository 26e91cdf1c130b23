// Reading typed values out of a group's cells: dates, amounts, currencies and countries (card facts:
// cardCells.ts). Required values that fail set the group aside; optional ones are left empty with a warning.
import { currenciesNamedIn, currencyCode, meansNoAmount, parseAmount4, toMinorUnits } from '../amounts';
import { countryCode } from '../countries';
import { dateOrderConflict } from '../dateOrder';
import { impossibleDate, parseTimestamp, timeZoneNamed, type TimeZone } from '../dates';
import type { BuildContext, Located, RowGroup } from './context';
import { knownOutcomeOf, OUTCOME_MAP_TEXT, type KnownOutcome } from '../../domain/knownOutcome';

/** The date at the start of a value (2026-06-09, 2026/06/09, 09.06.2026, 6/9/26) and what follows it. */
const DATE_PART = /^(\d{4}([-/])\d{1,2}\2\d{1,2}|\d{1,2}([./-])\d{1,2}\3(?:\d{4}|\d{2}))(?!\d)(.*)$/;

/**
 * Epoch ms of field `f`, with the time of day from field `timeF` when the file keeps it apart (PayPal's
 * Date and Time); null after setting the group aside (required and empty or unreadable).
 */
export function dateCell(
  ctx: BuildContext,
  g: RowGroup,
  f: number,
  label: string,
  required: boolean,
  what: string,
  zone: TimeZone = ctx.zone,
  timeF = -1,
  /** A deadline: a value without a time of day reads as the end of that day. */
  endOfDay = false,
): number | null {
  const at = ctx.locate(g, f);
  if (at.value === '') {
    if (!required) return 0;
    ctx.fail(g, at.row, at.column, 'missing-value', `${ctx.fieldLabel(f)} is empty; the ${label} is required`, what);
    return null;
  }
  // Stripe's deadline is 0 when no response is allowed (evidence_details.due_by); exports write it 0.
  if (endOfDay && /^0+$/.test(at.value.trim())) return 0;
  const { order, settled } = ctx.dateOrderOf(at.column, at.value, g.lines[at.row]!);
  // Never a silent swap: a value its column's order cannot hold is set aside, saying why.
  const conflict = settled ? dateOrderConflict(at.value, order) : null;
  if (conflict) {
    ctx.fail(g, at.row, at.column, 'invalid-value', `${ctx.columnLabel(at.column)}: ${conflict}`, what);
    return null;
  }
  const time = timeF >= 0 ? ctx.first(g, timeF) : '';
  // A deadline given as a date only is met by the end of that day in the file's zone, or in the
  // zone the value names after the date (`2026-06-09 UTC`, `2026-06-09Z`): the time goes between
  // the two, else such a value read as the day's first second is overdue a whole day early.
  if (endOfDay && time === '' && !at.value.includes(':')) {
    const m = DATE_PART.exec(at.value.trim());
    const endText = m ? `${m[1]} 23:59:59${m[4]}` : `${at.value} 23:59:59`;
    const end = parseTimestamp(endText, zone, order, ctx.referenceYear);
    if (Number.isFinite(end)) return noDeadlineAtEpoch(end);
  }
  const t = parseTimestamp(time === '' ? at.value : `${at.value} ${time}`, zone, order, ctx.referenceYear);
  if (Number.isFinite(t)) return endOfDay ? noDeadlineAtEpoch(t) : t;
  if (required) {
    // A date that cannot exist (month 13, 31 April) is named as such; only a shape the import
    // does not read gets the examples of the shapes it does.
    const impossible = impossibleDate(at.value, order);
    ctx.fail(
      g,
      at.row,
      at.column,
      'invalid-value',
      impossible
        ? `${ctx.columnLabel(at.column)}: ${impossible}`
        : `${ctx.columnLabel(at.column)} is not a date the import understands (e.g. 2026-05-01 10:00:00 +0200, 01.05.2026 10:00)`,
      what,
    );
    return null;
  }
  ctx.messages.warn('invalid-date', `${ctx.columnLabel(at.column)} has values that are not dates; they were left empty`, g.lines[at.row]);
  return 0;
}

/**
 * A deadline on the Unix epoch's day (in any zone) is Stripe's 0, "no response allowed", as an export
 * or a spreadsheet writes that 0 as a date: no deadline, not one overdue since 1970.
 */
function noDeadlineAtEpoch(dueAt: number): number {
  return Math.abs(dueAt) < 2 * 86_400_000 ? 0 : dueAt;
}

/** The zone a row names in field `f` (Adyen's TimeZone, PayPal's Zeitzone), else the format's. */
export function zoneCell(ctx: BuildContext, g: RowGroup, f: number): TimeZone {
  const text = ctx.first(g, f);
  if (text === '') return ctx.zone;
  const named = timeZoneNamed(ctx.preset.options.zoneNames?.[text.toUpperCase()] ?? text);
  if (named) return named;
  ctx.messages.warn('unknown-time-zone', `${ctx.fieldLabel(f)} names time zones the import does not know; the format's zone was used`, g.lines[0]);
  return ctx.zone;
}

/**
 * The record's currency: the currency column's code, else the one its amounts name (`£99.00`), else
 * the format's default; null after setting the group aside. An amount written in another currency
 * than the column says (`$12.50` under EUR), or with a sign several currencies share (`$`) and no
 * column or default to say which, is set aside: filing it under a guessed currency changes its value.
 */
export function recordCurrency(ctx: BuildContext, g: RowGroup, f: number, amountFields: readonly number[], what: string): string | null {
  const at = ctx.locate(g, f);
  const stated = at.value === '' ? '' : currencyCode(at.value);
  if (at.value !== '' && stated === '') {
    // Three letters that name no currency are quoted (a typo the analyst can find); anything else is
    // not, since a shifted row may hold a name or an e-mail there.
    const v = at.value.trim();
    const why = /^[A-Za-z]{3}$/.test(v)
      ? `says ${v.toUpperCase()}, which is not an ISO 4217 currency code`
      : 'is not a currency code (three letters, such as EUR)';
    ctx.fail(g, at.row, at.column, 'invalid-value', `${ctx.columnLabel(at.column)} ${why}`, what);
    return null;
  }
  const fallback = ctx.preset.options.defaultCurrency ?? '';
  let named = '';
  let namedAt = -1;
  for (const af of amountFields) {
    const cols = ctx.resolved.columns[af]!;
    for (let r = 0; r < g.rows.length; r++) {
      for (const c of cols) {
        const codes = currenciesNamedIn(g.rows[r]![c]!);
        if (codes === null) continue;
        const label = ctx.columnLabel(c);
        if (stated !== '') {
          if (codes.includes(stated)) continue;
          ctx.fail(g, r, c, 'invalid-value', `${label} writes its amount in another currency than ${ctx.columnLabel(at.column)}`, what);
          return null;
        }
        if (codes.length === 0) {
          ctx.fail(g, r, c, 'invalid-value', `${label} names two different currencies in one amount`, what);
          return null;
        }
        // A shared sign ($, ¥, kr) is read as the format's default currency when that is one of its currencies.
        const code = codes.length === 1 ? codes[0]! : codes.includes(fallback) ? fallback : '';
        if (code === '') {
          ctx.fail(
            g,
            r,
            c,
            'invalid-value',
            `${label} writes a currency sign that several currencies use (${codes.length > 3 ? `${codes.slice(0, 3).join(', ')}…` : codes.join(', ')}) and the file has no currency column to say which; map a currency column or set the format's default currency`,
            what,
          );
          return null;
        }
        if (named !== '' && code !== named) {
          ctx.fail(g, r, c, 'invalid-value', `${label} writes its amount in another currency than ${ctx.columnLabel(namedAt)} of the same ${what}`, what);
          return null;
        }
        named = code;
        namedAt = c;
      }
    }
  }
  const code = stated || named || fallback;
  // The file has a currency column but this record's is empty, and it has an amount: read in the
  // format's default, and the summary says so (a file of several currencies would be misread).
  if (code !== '' && stated === '' && named === '' && ctx.mapped(f) && amountFields.some((af) => ctx.first(g, af) !== ''))
    ctx.messages.warn('default-currency', `${what}s whose ${ctx.fieldLabel(f)} is empty were read in ${code}, the format's default currency`, g.lines[0]);
  if (code !== '') return code;
  ctx.fail(g, at.row, at.column, 'missing-value', `${ctx.fieldLabel(f)} is empty and the format has no default currency`, what);
  return null;
}

/** Amount of one cell in 1/10,000 units; NaN after setting the group aside. */
export function amountAt(ctx: BuildContext, g: RowGroup, row: number, column: number, what: string): number {
  const a = parseAmount4(g.rows[row]![column]!, ctx.decimalMark);
  if (Number.isNaN(a)) ctx.fail(g, row, column, 'invalid-value', `${ctx.columnLabel(column)} is not an amount`, what);
  return a;
}

/** Whole minor units; NaN after setting the group aside when the amount is finer than the currency. */
export function minorUnits(ctx: BuildContext, g: RowGroup, amount4: number, currency: string, row: number, column: number, what: string): number {
  if (ctx.preset.options.amountsInMinorUnits) {
    // The file writes 5000 for 50.00 EUR: the amount is already in minor units, and whole.
    const minor = amount4 / 10_000;
    if (Number.isInteger(minor)) return minor;
    ctx.fail(g, row, column, 'invalid-value', `${ctx.columnLabel(column)} is not a whole number of minor units (this format writes 5000 for 50.00)`, what);
    return NaN;
  }
  const minor = toMinorUnits(amount4, currency);
  if (Number.isNaN(minor)) ctx.fail(g, row, column, 'invalid-value', `${ctx.columnLabel(column)} has more decimals than ${currency} allows`, what);
  return minor;
}

/**
 * Sum over all rows and all columns of a `sum` field, in 1/10,000 units; NaN after a failure. An
 * `optional` field (discounts) reads `-` or `n/a` as none.
 */
export function sumCells(ctx: BuildContext, g: RowGroup, f: number, what: string, { absolute = false, optional = false } = {}): number {
  let total = 0;
  const cols = ctx.resolved.columns[f]!;
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r]!;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      const cell = row[c]!;
      if (cell.trim() === '' || (optional && meansNoAmount(cell))) continue;
      const a = amountAt(ctx, g, r, c, what);
      if (Number.isNaN(a)) return NaN;
      total += absolute ? Math.abs(a) : a;
    }
  }
  return total;
}

/** An amount the record may lack: where it is, or null when the cell is empty or says none (`-`, `n/a`). */
export function optionalAmountCell(ctx: BuildContext, g: RowGroup, f: number): Located | null {
  const at = ctx.locate(g, f);
  return meansNoAmount(at.value) ? null : at;
}

export function countryCell(ctx: BuildContext, g: RowGroup, f: number): string {
  const at = ctx.locate(g, f);
  const code = countryCode(at.value);
  if (code !== null) return code;
  ctx.messages.warn('invalid-country', `${ctx.columnLabel(at.column)} has values that are not countries; they were left empty`, g.lines[at.row]);
  return '';
}

/** Postcodes and phones: Excel exports guard leading zeros with an apostrophe. */
export function guardedCell(ctx: BuildContext, g: RowGroup, f: number): string {
  const v = ctx.text(g, f);
  return v.charCodeAt(0) === 39 ? v.slice(1).trim() : v;
}

/**
 * The known outcome of field `f` through the value map: '' when unmapped or empty; null after
 * setting the group aside for a value the map cannot read (an outcome is never guessed).
 */
export function outcomeCell(ctx: BuildContext, g: RowGroup, f: number, what: string): KnownOutcome | '' | null {
  if (!ctx.mapped(f)) return '';
  const at = ctx.locate(g, f);
  const reads = knownOutcomeOf(at.value);
  if (reads === '') return '';
  ctx.noteOutcome(at.value, reads);
  if (reads !== null) return reads;
  ctx.fail(g, at.row, at.column, 'invalid-value', `${ctx.columnLabel(at.column)} is not an outcome the import reads (${OUTCOME_MAP_TEXT})`, what);
  return null;
}
