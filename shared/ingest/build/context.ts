// Shared state for turning grouped rows into records: the resolved mapping, the file's reading
// conventions, and the helpers that read a field across a group's rows or set the group aside.
import { TWO_DIGIT_YEAR_REFERENCE, type DateOrder } from '../dates';
import { DATE_ORDER_WORDS, dateOrderEvidence, isShortDate, type SettledOrder } from '../dateOrder';
import type { DecimalMark } from '../amounts';
import type { TimeZone } from '../dates';
import type { FormatPreset } from '../formats/preset';
import { readField, sourceColumn, type ResolvedMapping } from '../mapping';
import { describeColumn, type FileMessages, type RowProblem, type RowProblemCode } from '../problems';
import type { ParsedRecord } from '../records';
import type { KnownOutcome } from '../../domain/knownOutcome';
import { restoreCell } from '../../export/csv';

/** Rows that form one record: the line items of an order, the events of a dispute. */
export class RowGroup {
  key = '';
  rows: string[][] = [];
  lines: number[] = [];

  reset(key: string): void {
    this.key = key;
    this.rows.length = 0;
    this.lines.length = 0;
  }

  add(row: string[], line: number): void {
    this.rows.push(row);
    this.lines.push(line);
  }
}

export interface BuildOutput {
  records: ParsedRecord[];
  problems: RowProblem[];
}

/** A value of the known-outcome column as the value map read it (null: it cannot), and on how many records. */
export interface OutcomeSeen {
  value: string;
  reads: KnownOutcome | null;
  records: number;
}

/** Distinct outcome values the wizard's check lists; a labelled export has two or three. */
const OUTCOME_VALUES_KEPT = 20;

/** A field's value and where it was found, for problems that point at a cell. */
export interface Located {
  value: string;
  row: number;
  column: number;
}

export class BuildContext {
  out: BuildOutput = { records: [], problems: [] };
  private readonly names: readonly string[];
  /** Known-outcome values met so far (folded), for the wizard's check of the value map. */
  readonly outcomes = new Map<string, OutcomeSeen>();
  /** Order records leave their content hash to the batch's taker (ReaderOptions.orderHashesLater). */
  orderHashesLater = false;
  /** The year two-digit years are read near (ReaderOptions.referenceYear). */
  referenceYear = TWO_DIGIT_YEAR_REFERENCE;

  constructor(
    readonly file: string,
    readonly preset: FormatPreset,
    readonly resolved: ResolvedMapping,
    readonly decimalMark: DecimalMark,
    readonly zone: TimeZone,
    readonly messages: FileMessages,
    /** Day/month order per source column of a date field (settled in the reader's warm-up). */
    private readonly dateOrders: ReadonlyMap<number, DateOrder> = new Map(),
    /** For a column the warm-up did not settle: the file's or the analyst's order, if either said. */
    private readonly unsettledOrder: SettledOrder | null = null,
  ) {
    this.names = resolved.header.names;
  }

  /** Columns first met with short dates after the warm-up, and the order they were read in. */
  readonly lateDateOrders = new Map<number, SettledOrder>();

  /**
   * The day/month order to read `raw`, a value of source column `column`, in, and whether the
   * column's order is settled (a value it cannot hold is then set aside). A column the warm-up
   * did not settle (ISO dates or empty until then) takes the file's or the analyst's order; else
   * its first short date with something to say settles it from there on; before that each value
   * is read as it says, an ambiguous one day-first, and the column is named on the import card as
   * read by default (DateOrderList) — never silently.
   */
  dateOrderOf(column: number, raw: string, line: number): { order: DateOrder; settled: boolean } {
    const settled = this.dateOrders.get(column);
    if (settled) return { order: settled, settled: true };
    const late = this.lateDateOrders.get(column);
    if (late && late.by !== 'default') return { order: late.order, settled: true };
    // ISO dates need no order; a dotted one is day-first by the convention of every country writing it.
    if (!isShortDate(raw)) return { order: 'DMY', settled: false };
    if (this.unsettledOrder) {
      this.lateDateOrders.set(column, this.unsettledOrder);
      return { order: this.unsettledOrder.order, settled: true };
    }
    const own = dateOrderEvidence(raw);
    if (own) {
      // The first value that tells settles the column from here on; dates read day-first before it
      // because nothing had told are named in a warning when it says otherwise.
      const guessed = this.guessedDates.get(column);
      if (own !== 'DMY' && guessed)
        this.messages.warn(
          'date-order-guessed',
          `${this.columnLabel(column)}: ${raw.trim()} (line ${line}) can only be ${DATE_ORDER_WORDS[own]}, but ${guessed.count} earlier dates of this column that could be either, from ${guessed.first.value} (line ${guessed.first.line}), were read as ${DATE_ORDER_WORDS.DMY}: nothing before them in the file said which; check them, or import again choosing the date order`,
          guessed.first.line,
        );
      this.lateDateOrders.set(column, { order: own, by: 'values', example: { value: raw.trim(), line } });
      return { order: own, settled: true };
    }
    if (!late) this.lateDateOrders.set(column, { order: 'DMY', by: 'default' });
    const guessed = this.guessedDates.get(column);
    if (guessed) guessed.count++;
    else this.guessedDates.set(column, { count: 1, first: { value: raw.trim(), line } });
    return { order: 'DMY', settled: false };
  }

  /** Per column read by default after the warm-up: the ambiguous dates read so, until a value tells. */
  private readonly guessedDates = new Map<number, { count: number; first: { value: string; line: number } }>();

  /** 0-based field index by name. */
  f(field: string): number {
    const i = this.resolved.byField.get(field);
    if (i === undefined) throw new Error(`no field ${field} for ${this.resolved.kind}`);
    return i;
  }

  mapped(f: number): boolean {
    return this.resolved.columns[f]!.length > 0;
  }

  /** First non-empty value of field `f` over the group's rows, with its row and column. */
  locate(g: RowGroup, f: number): Located {
    for (let r = 0; r < g.rows.length; r++) {
      const value = readField(this.resolved, f, g.rows[r]!);
      if (value !== '') return { value, row: r, column: sourceColumn(this.resolved, f, g.rows[r]!) };
    }
    return { value: '', row: 0, column: this.resolved.columns[f]![0] ?? -1 };
  }

  first(g: RowGroup, f: number): string {
    for (let r = 0; r < g.rows.length; r++) {
      const value = readField(this.resolved, f, g.rows[r]!);
      if (value !== '') return value;
    }
    return '';
  }

  /** Every non-empty value of field `f` over the group's rows and the field's columns, in that order. */
  values(g: RowGroup, f: number): string[] {
    const out: string[] = [];
    for (let r = 0; r < g.rows.length; r++) {
      for (const c of this.resolved.columns[f]!) {
        const v = g.rows[r]![c]!.trim();
        if (v !== '') out.push(v);
      }
    }
    return out;
  }

  /**
   * Free text: any card number in it was reduced to BIN + last 4 as the row was read (cardScreen.ts),
   * and the `'` the app's own CSV writer put before a formula-like value or part is taken off (a
   * rows-to-fix file imported again: ` -Müller` comes back, not `' -Müller`).
   */
  text(g: RowGroup, f: number): string {
    return restoreCell(this.first(g, f));
  }

  /** An id or link key, verbatim: a group with a card number in one never reaches a builder (grouping.ts). */
  identifier(g: RowGroup, f: number): string {
    return this.first(g, f);
  }

  /** Counts one record's outcome value for the check; only the first few distinct values are kept. */
  noteOutcome(value: string, reads: KnownOutcome | null): void {
    const key = value.trim().toLowerCase();
    const seen = this.outcomes.get(key);
    if (seen) seen.records++;
    else if (this.outcomes.size < OUTCOME_VALUES_KEPT) this.outcomes.set(key, { value: value.trim(), reads, records: 1 });
  }

  columnLabel(column: number): string {
    return column >= 0 ? describeColumn(column + 1, this.names[column]) : 'an unmapped column';
  }

  /** Label of the first column mapped to field `f`, for "is empty" problems. */
  fieldLabel(f: number): string {
    return this.columnLabel(this.resolved.columns[f]![0] ?? -1);
  }

  /** Sets every row of the group aside: the faulty row with the reason, the others as its members. */
  fail(g: RowGroup, row: number, column: number, code: RowProblemCode, reason: string, what = 'record'): void {
    const badLine = g.lines[row]!;
    for (let r = 0; r < g.lines.length; r++) {
      const p: RowProblem =
        r === row
          ? { file: this.file, line: badLine, code, reason }
          : { file: this.file, line: g.lines[r]!, code: 'group-member', reason: `another row of the same ${what} (line ${badLine}) was set aside` };
      if (r === row && column >= 0) {
        p.column = column + 1;
        p.columnName = this.names[column];
      }
      this.out.problems.push(p);
    }
  }

  take(): BuildOutput {
    const out = this.out;
    this.out = { records: [], problems: [] };
    return out;
  }
}
