// Gathers rows into records by their key: adjacent rows (line items of one order), single rows,
// or all rows of a key anywhere in the file (dispute events), then hands each group to a builder.
import type { CardScreen } from '../cardScreen';
import type { RecordKind } from '../fields';
import type { FormatPreset, Grouping } from '../formats/preset';
import { headerKey } from '../headers';
import { readField, sourceColumn } from '../mapping';
import { RowGroup, type BuildContext } from './context';
import { RowKindFilter } from './rowKinds';
import { hasInvisible } from '../../normalize/text';

export interface RecordBuilder {
  /** Field whose value is the row's record key. */
  keyField(): number;
  build(group: RowGroup): void;
}

const RECORD_NOUN: Record<RecordKind, string> = { orders: 'order', payments: 'payment', disputes: 'dispute', claims: 'claim' };

/**
 * A number a spreadsheet wrote in scientific notation (`8.836E+15`, German Excel `1,01055E+13`): Excel
 * does so for 12 digits and more when it saves a CSV, keeping 6 significant digits. As an id or link
 * key it is no longer the id, and different ids become the same text.
 */
const SCIENTIFIC = /^[+-]?\d(?:[.,]\d{1,14})?E\+\d{2}$/i;

export function isScientificNotation(value: string): boolean {
  const n = value.length;
  if (n < 5 || n > 24) return false;
  // Every id of every row comes here: a plus sign two characters from the end (`…E+nn`), or a
  // space to trim, before the pattern is tried.
  if (value.charCodeAt(n - 3) !== 43 && value.charCodeAt(n - 1) > 32) return false;
  return SCIENTIFIC.test(value.trim());
}

/**
 * Why `key` cannot be a record's key, as a reason naming its column; null when it can. A number a
 * spreadsheet rewrote (grouped by it, different records would merge) or an invisible character (a
 * second record reading exactly like another one).
 */
function keyRefusal(key: string): ((column: string) => string) | null {
  if (isScientificNotation(key)) return (column) => scientificReason(column, key);
  if (hasInvisible(key))
    return (column) =>
      `${column} holds an invisible character (zero-width, soft hyphen or text-direction control): the id reads like another one but is not, so the row was set aside (remove the character and import the row again)`;
  return null;
}

function scientificReason(column: string, value: string): string {
  return `${column} holds ${value.trim()}, a number a spreadsheet rewrote in scientific notation: the real id is lost and different ids read alike, so the row was set aside (export the file again, or open it in the spreadsheet with that column as text)`;
}

/** The columns (0-based) of the preset's item id the header has; none when it names none. */
export function itemIdColumns(preset: FormatPreset, header: { keys: readonly string[] }): number[] {
  return (preset.options.itemId ?? []).map((n) => header.keys.indexOf(headerKey(n))).filter((i) => i >= 0);
}

export class Grouper {
  private readonly open = new RowGroup();
  private readonly byKey = new Map<string, RowGroup>();
  private readonly keyF: number;
  private readonly rowKinds: RowKindFilter | null;
  /** Source columns of ids and link keys other than the record key (phones aside: a phone in E notation links nothing). */
  private readonly idColumns: number[];
  /** Columns telling one item of an order from another (FormatPreset itemId); empty: not told. */
  private readonly itemColumns: number[];
  /** The item ids of the open group's rows, and the row (its index in the group) each was first read in. */
  private readonly items = new Map<string, number>();
  /** Every source column a field reads: a repeated item is set aside only when these are all the same. */
  private readonly mappedColumns: number[];

  constructor(
    private readonly ctx: BuildContext,
    private readonly builder: RecordBuilder,
    private readonly grouping: Grouping,
    private readonly screen: CardScreen,
  ) {
    this.keyF = builder.keyField();
    this.rowKinds = ctx.preset.rowKinds ? new RowKindFilter(ctx, ctx.preset.rowKinds) : null;
    const ids = new Set<number>();
    ctx.resolved.specs.forEach((spec, f) => {
      if (spec.identifier && spec.field !== 'phone' && f !== this.keyF) for (const c of ctx.resolved.columns[f]!) ids.add(c);
    });
    this.idColumns = [...ids];
    this.itemColumns = grouping === 'adjacent' ? itemIdColumns(ctx.preset, ctx.resolved.header) : [];
    this.mappedColumns = [...new Set(ctx.resolved.columns.flat())];
  }

  row(fields: string[], line: number): void {
    // A fee or transfer row of a mixed file is not a record, whatever its key: named as such first.
    const other = this.rowKinds?.problemOf(fields, line);
    if (other) {
      this.ctx.out.problems.push(other);
      return;
    }
    const key = readField(this.ctx.resolved, this.keyF, fields);
    if (key === '') {
      const label = this.ctx.resolved.specs[this.keyF]!.label.toLowerCase();
      return this.keyProblem(
        line,
        this.ctx.resolved.columns[this.keyF]![0] ?? -1,
        'missing-value',
        (column) => `${column} is empty; every row needs the ${label}`,
      );
    }
    // A key that reads like another one but is not: each such row on its own, never grouped.
    const unusable = keyRefusal(key);
    if (unusable) return this.keyProblem(line, sourceColumn(this.ctx.resolved, this.keyF, fields), 'invalid-value', unusable);
    if (this.grouping === 'file') {
      let g = this.byKey.get(key);
      if (!g) {
        g = new RowGroup();
        g.reset(key);
        this.byKey.set(key, g);
      }
      g.add(fields, line);
      return;
    }
    const g = this.open;
    if (g.rows.length > 0 && (this.grouping === 'none' || g.key !== key)) this.flush();
    if (g.rows.length === 0) {
      g.reset(key);
      this.items.clear();
    }
    if (this.itemColumns.length > 0 && this.repeatsAnItem(fields, line)) return;
    g.add(fields, line);
  }

  /**
   * A row naming an item its order already has (the same item id) with every value the same: two
   * reports that overlap, joined. Added, it would count the item twice in the order's total; it is
   * set aside instead, naming the line the item was first read on. With other values (an older
   * report's Pending row without a price beside the newer one's Shipped row) both are counted, as
   * before, and a warning names the lines: which one is current, the file does not say.
   */
  private repeatsAnItem(fields: readonly string[], line: number): boolean {
    const id = this.itemColumns.map((c) => fields[c] ?? '').join('\u0000');
    if (id.replace(/\u0000/g, '').trim() === '') return false;
    const firstRow = this.items.get(id);
    if (firstRow === undefined) {
      this.items.set(id, this.open.rows.length);
      return false;
    }
    const { ctx } = this;
    const first = this.open.lines[firstRow]!;
    const names = this.itemColumns.map((c) => ctx.columnLabel(c)).join(' and ');
    const earlier = this.open.rows[firstRow]!;
    if (!this.mappedColumns.every((c) => earlier[c] === fields[c])) {
      ctx.messages.warn(
        'repeated-item',
        `rows repeat the ${names} of a row above them in the same order, with other values: both were counted in the order's total; if the file joins reports that overlap, keep the newer report's row only and import it again`,
        line,
      );
      return false;
    }
    ctx.out.problems.push({
      file: ctx.file,
      line,
      column: this.itemColumns[0]! + 1,
      columnName: ctx.resolved.header.names[this.itemColumns[0]!],
      code: 'duplicate-key',
      reason: `the same ${names} as line ${first}, in the same order, with the same values: an order lists each item once, so this row was set aside and the item counted once (were two reports that overlap joined?)`,
    });
    return true;
  }

  end(): void {
    this.flush();
    for (const g of this.byKey.values()) this.build(g);
    this.byKey.clear();
  }

  private flush(): void {
    if (this.open.rows.length === 0) return;
    this.build(this.open);
    this.open.reset('');
  }

  /** Sets a row aside for its key, read from column `col` (0-based); `reason` names that column. */
  private keyProblem(line: number, col: number, code: 'missing-value' | 'invalid-value', reason: (column: string) => string): void {
    const { ctx } = this;
    ctx.out.problems.push({ file: ctx.file, line, column: col + 1, columnName: ctx.resolved.header.names[col], code, reason: reason(ctx.columnLabel(col)) });
  }

  /**
   * Ids and link keys are never rewritten (a masked order number would merge orders, a masked
   * device id break its links): a group with a card number in one is set aside, naming the column.
   */
  private build(g: RowGroup): void {
    for (let r = 0; r < g.rows.length; r++) {
      for (const c of this.idColumns) {
        const v = g.rows[r]![c]!;
        if (isScientificNotation(v))
          return this.ctx.fail(g, r, c, 'invalid-value', scientificReason(this.ctx.columnLabel(c), v), RECORD_NOUN[this.ctx.resolved.kind]);
      }
    }
    const found = this.screen.cardInKey(g.rows);
    if (!found) return this.builder.build(g);
    const column = this.ctx.columnLabel(found.column);
    const reason = `${column} holds a card number; ids and link keys are never rewritten, so the row was set aside (remove the card number there and import the row again)`;
    this.ctx.fail(g, found.row, found.column, 'card-number', reason, RECORD_NOUN[this.ctx.resolved.kind]);
  }
}
