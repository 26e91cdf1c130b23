// Which rows of a mixed export are records of the preset's kind (PayPal's activity download lists
// fees, refunds, holds and transfers among the payments); the others are set aside with the reason.
import { parseAmount4 } from '../amounts';
import type { RowKindRule } from '../formats/preset';
import { headerKey } from '../headers';
import { readField, sourceColumn } from '../mapping';
import { describeColumn, type RowProblem } from '../problems';
import type { BuildContext } from './context';

/** The 0-based column that names each row's kind, or -1 when the header lacks it. */
export function rowKindColumn(rule: RowKindRule, header: { keys: readonly string[] }): number {
  const names = typeof rule.column === 'string' ? [rule.column] : rule.column;
  return names.map((n) => header.keys.indexOf(headerKey(n))).find((i) => i >= 0) ?? -1;
}

/**
 * A row too short for the header whose kind column (within its fields) names another kind, e.g.
 * the `SF` footer of PayPal's case report below its `SB` case rows; null when it is not one.
 */
export function shortRowOfOtherKind(
  rule: RowKindRule,
  header: { keys: readonly string[]; names: readonly string[] },
  fields: readonly string[],
  file: string,
  line: number,
): RowProblem | null {
  const column = rowKindColumn(rule, header);
  if (column < 0 || column >= fields.length) return null;
  const cell = fields[column]!.trim();
  const kind = cell.toLowerCase();
  if (kind === '' || rule.include.some((w) => kind.includes(w.toLowerCase()))) return null;
  // A short row's cells may have shifted (a name, an e-mail, a card number where the kind should be),
  // and this cell is read before the card screen: only a record-type code is quoted.
  const named = RECORD_TYPE_CODE.test(cell) ? ` (${cell})` : '';
  return {
    file,
    line,
    column: column + 1,
    columnName: header.names[column]!,
    code: 'other-row-kind',
    reason: `${describeColumn(column + 1, header.names[column])} says this row${named} is not a ${rule.noun}; it was not imported as one`,
  };
}

/** A record type as PayPal's reports write them in their first column (`SB`, `SF`, `RC`…): no one's data. */
const RECORD_TYPE_CODE = /^[A-Z]{2}$/;

export class RowKindFilter {
  /** 0-based column naming the row's kind, or -1 when the file has none of the rule's columns. */
  private readonly kindColumn: number;
  private readonly include: readonly string[];
  private readonly exclude: readonly string[];
  private readonly chargebacks: readonly string[];
  /** Field whose amount must be above zero, or -1. */
  private readonly amountF: number;

  constructor(
    private readonly ctx: BuildContext,
    private readonly rule: RowKindRule,
  ) {
    this.kindColumn = rowKindColumn(rule, ctx.resolved.header);
    this.include = rule.include.map((w) => w.toLowerCase());
    this.chargebacks = (rule.chargebacks ?? []).map((w) => w.toLowerCase());
    this.exclude = (rule.exclude ?? []).map((w) => w.toLowerCase());
    const amount = ctx.resolved.byField.get('amount') ?? ctx.resolved.byField.get('total');
    this.amountF = rule.positiveAmount && amount !== undefined && ctx.mapped(amount) ? amount : -1;
  }

  /** The problem that sets this row aside, or null when it is a record of the preset's kind. */
  problemOf(fields: readonly string[], line: number): RowProblem | null {
    const { ctx, rule } = this;
    if (this.kindColumn >= 0) {
      const kind = fields[this.kindColumn]!.trim().toLowerCase();
      const isKind = (kind === '' && rule.keepBlank === true) || (this.include.some((w) => kind.includes(w)) && !this.exclude.some((w) => kind.includes(w)));
      if (!isKind && this.chargebacks.some((w) => kind.includes(w))) {
        // Money the buyer's bank took back: no dispute comes of this row, and the payment it takes
        // back stays as paid. Said once for the file, so it is not read as a fee (never the cell's words).
        ctx.messages.warn(
          'chargeback-rows',
          `${ctx.columnLabel(this.kindColumn)} names chargebacks of payments: they were set aside, not listed under Disputes, and the payments they take back still read as paid; import the provider's dispute report to work them`,
          line,
        );
        return this.problem(
          line,
          this.kindColumn,
          `${ctx.columnLabel(this.kindColumn)} says this row is a chargeback, not a ${rule.noun}; it was not imported as one, nor as a dispute`,
        );
      }
      if (!isKind)
        return this.problem(line, this.kindColumn, `${ctx.columnLabel(this.kindColumn)} says this row is not a ${rule.noun}; it was not imported as one`);
    }
    if (this.amountF >= 0) {
      const value = readField(ctx.resolved, this.amountF, fields);
      // An unreadable amount is the builder's to report; only a readable one at or below zero is money out.
      const amount = value === '' ? NaN : parseAmount4(value, ctx.decimalMark);
      if (amount <= 0) {
        const column = sourceColumn(ctx.resolved, this.amountF, fields);
        return this.problem(
          line,
          column,
          `${ctx.columnLabel(column)} is not above zero: money paid out or refunded is not a ${rule.noun}; the row was not imported as one`,
        );
      }
    }
    return null;
  }

  private problem(line: number, column: number, reason: string): RowProblem {
    return { file: this.ctx.file, line, column: column + 1, columnName: this.ctx.resolved.header.names[column], code: 'other-row-kind', reason };
  }
}
