// Card numbers in every mapped cell of every row, whatever the column is mapped to: reduced to BIN +
// last 4 in free text, a reason to set the row aside in ids and link keys, which are never rewritten.
import {
  cardNumberDigits,
  cardZeroedBySpreadsheet,
  findCardNumbers,
  hasLongDigitRun,
  maskCardNumbers,
  phoneWithoutPlus,
  type CardNumberFound,
} from '../domain/cardNumbers';
import { namesCardNumber } from './cardData';
import type { ResolvedMapping } from './mapping';
import { describeColumn, type FileMessages } from './problems';

/**
 * A cell's text with every card number in it reduced to BIN + last 4, as the import keeps free
 * text; null when it holds none. A card of 17-19 digits a spreadsheet cut to 15 keeps its BIN
 * alone (even when its zeros pass Luhn), and a cell that is a card saved as a number, its check
 * digit zeroed, is reduced too.
 */
export function reduceCardNumbers(v: string): string | null {
  if (!hasLongDigitRun(v)) return null;
  const cut = cardZeroedBySpreadsheet(v);
  if (cut && cut.last4 === '') return cut.reduced;
  const masked = maskCardNumbers(v);
  if (masked.masked > 0) return masked.text;
  return cut === null ? null : cut.reduced;
}

/**
 * A raw file cell (or any text drawn from one: a column name, a date example, a problem's words)
 * as it may be shown: card numbers reduced to BIN + last 4 the way the import reduces them, so a
 * preview never shows more of a card than is kept (PCI DSS 3.4 masks PANs on display).
 */
export function maskedForDisplay(v: string): string {
  return reduceCardNumbers(v) ?? v;
}

/** Columns named like card numbers, and any column the mapping sends to the card-number field. */
export function cardNumberColumnsOf(resolved: ResolvedMapping): number[] {
  const columns = new Set<number>();
  resolved.header.keys.forEach((key, c) => {
    if (namesCardNumber(key)) columns.add(c);
  });
  const f = resolved.byField.get('cardNumber');
  if (f !== undefined) for (const c of resolved.columns[f]!) columns.add(c);
  return [...columns].sort((a, b) => a - b);
}

/**
 * Takes card-number columns out of every field and feeds them to `cardNumber` (where the kind has
 * card fields), so their values are only ever reduced to BIN + last 4.
 */
export function routeCardNumberColumns(resolved: ResolvedMapping, columns: readonly number[]): void {
  if (columns.length === 0) return;
  const drop = new Set(columns);
  for (let f = 0; f < resolved.columns.length; f++) resolved.columns[f] = resolved.columns[f]!.filter((c) => !drop.has(c));
  const target = resolved.byField.get('cardNumber');
  if (target !== undefined) resolved.columns[target] = [...columns];
}

/** A card number found in an id or link key: the group's row and the file's column (0-based). */
export interface CardInKey {
  row: number;
  column: number;
}

interface Tally {
  cells: number;
  firstLine: number;
}

export class CardScreen {
  private readonly keyColumns: number[];
  private readonly textColumns: number[];
  private readonly cardColumns: readonly number[];
  /**
   * Phone numbers have at most 15 digits (E.164): in a phone column a plain run of 13-15 digits is
   * a number written without its + (49151…), not a card; grouped like a card, or longer, it is one.
   */
  private readonly phoneColumns = new Set<number>();
  private readonly tallies = new Map<number, Tally>();
  /**
   * Id and link-key columns that held a whole card number: a spreadsheet that saved such a column
   * as numbers zeroed the check digit of every card in it, and only the tenth whose check digit was
   * 0 still reads as a card. In these columns a zeroed card (cardZeroedBySpreadsheet) is a card
   * too. Elsewhere it is not: 16 digits ending in 0 are a plain id far more often.
   */
  private readonly keyColumnsWithCards = new Set<number>();

  /** `resolved` after `routeCardNumberColumns(resolved, cardColumns)`. */
  constructor(resolved: ResolvedMapping, cardColumns: readonly number[]) {
    const keys = new Set<number>();
    const text = new Set<number>();
    resolved.specs.forEach((spec, f) => {
      for (const c of resolved.columns[f]!) (spec.identifier ? keys : text).add(c);
      if (spec.field === 'phone') for (const c of resolved.columns[f]!) this.phoneColumns.add(c);
    });
    this.cardColumns = cardColumns;
    this.keyColumns = [...keys];
    this.textColumns = [...text].filter((c) => !keys.has(c) && !cardColumns.includes(c));
  }

  /** Reduces card numbers in the row's free-text cells, in place; counts full numbers in card-number columns. */
  row(fields: string[], line: number): void {
    for (const c of this.cardColumns) {
      const v = fields[c];
      if (v !== undefined && v.length >= 13 && (cardNumberDigits(v) !== null || cardZeroedBySpreadsheet(v) !== null)) this.tally(c, line);
    }
    for (const c of this.textColumns) {
      const reduced = reduceCardNumbers(fields[c]!);
      if (reduced === null) continue;
      fields[c] = reduced;
      this.tally(c, line);
    }
  }

  /**
   * Marks the id and link-key columns of `rows` (the rows read before any is built: the warm-up)
   * that hold a whole card number, so a zeroed card before the first whole one is caught too.
   */
  learn(rows: readonly (readonly string[])[]): void {
    for (const row of rows)
      for (const c of this.keyColumns) {
        const v = row[c] ?? '';
        if (hasLongDigitRun(v) && this.wholeCardIn(v, c)) this.keyColumnsWithCards.add(c);
      }
  }

  /** The first id or link-key cell of a group's rows that holds a card number, or null. */
  cardInKey(rows: readonly (readonly string[])[]): CardInKey | null {
    for (let r = 0; r < rows.length; r++) {
      for (const c of this.keyColumns) {
        const v = rows[r]![c]!;
        if (!hasLongDigitRun(v)) continue;
        if (this.wholeCardIn(v, c)) {
          this.keyColumnsWithCards.add(c);
          return { row: r, column: c };
        }
        if (this.keyColumnsWithCards.has(c) && cardZeroedBySpreadsheet(v) !== null) return { row: r, column: c };
      }
    }
    return null;
  }

  /** Whether `v` (a cell of column c with a long digit run: hasLongDigitRun) holds a whole card number. */
  private wholeCardIn(v: string, c: number): boolean {
    const isCard = (f: CardNumberFound) => !this.phoneColumns.has(c) || !phoneWithoutPlus(f);
    return findCardNumbers(v).some(isCard);
  }

  /**
   * The columns (0-based) found to hold card numbers so far: named or mapped card-number columns,
   * text cells a card was reduced in, and id or link-key columns that held a whole card.
   */
  columnsWithCards(): number[] {
    return [...new Set([...this.cardColumns, ...this.tallies.keys(), ...this.keyColumnsWithCards])].sort((a, b) => a - b);
  }

  /** File warnings, by column: how many cells held card numbers and what became of them. */
  report(messages: FileMessages, names: readonly string[], cardFieldKept: boolean): void {
    for (const [c, t] of [...this.tallies].sort((a, b) => a[0] - b[0])) {
      const column = describeColumn(c + 1, names[c]);
      const cells = `${t.cells} ${t.cells === 1 ? 'cell' : 'cells'}`;
      if (this.cardColumns.includes(c)) {
        const what = cardFieldKept ? 'only BIN and last 4 were kept' : 'the column was not read';
        messages.warn('card-number-column', `${column} held full card numbers in ${cells}; ${what}`, t.firstLine, c + 1);
      } else {
        messages.warn('masked-card-number', `${column} held card numbers in ${cells} of text; they were reduced to BIN and last 4`, t.firstLine, c + 1);
      }
    }
  }

  private tally(column: number, line: number): void {
    const t = this.tallies.get(column);
    if (t) t.cells++;
    else this.tallies.set(column, { cells: 1, firstLine: line });
  }
}
