// Shared state for turning grouped rows into records: the resolved mapping, the file's reading
// conventions, and the helpers that read a field across a group's rows or set the group aside.
import type { DateOrder } from '../dates';
import type { DecimalMark } from '../amounts';
import type { TimeZone } from '../dates';
import type { FormatPreset } from '../formats/preset';
import { readField, sourceColumn, type ResolvedMapping } from '../mapping';
import { describeColumn, type FileMessages, type RowProblem, type RowProblemCode } from '../problems';
import type { ParsedRecord } from '../records';
import type { KnownOutcome } from '../../domain/knownOutcome';

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

  constructor(
    readonly file: string,
    readonly preset: FormatPreset,
    readonly resolved: ResolvedMapping,
    readonly decimalMark: DecimalMark,
    readonly zone: TimeZone,
    readonly messages: FileMessages,
    /** Day/month order per source column of a date field (settled in the reader's warm-up). */
    private readonly dateOrders: ReadonlyMap<number, DateOrder> = new Map(),
  ) {
    this.names = resolved.header.names;
  }

  /** The day/month order of short dates in source column `column`. */
  dateOrderOf(column: number): DateOrder {
    return this.dateOrders.get(column) ?? 'DMY';
  }

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

  /** Free text: any card number in it was reduced to BIN + last 4 as the row was read (cardScreen.ts). */
  text(g: RowGroup, f: number): string {
    return this.first(g, f);
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
