// Finds how a text export is laid out: which of , ; tab | separates fields, and on which line the
// header sits (exports sometimes open with a title line or blank lines before the header).
import Papa from 'papaparse';
import { lineSpan } from './lineEndings';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function isDelimiter(value: unknown): value is Delimiter {
  return typeof value === 'string' && (DELIMITERS as readonly string[]).includes(value);
}

export interface TextLayout {
  delimiter: Delimiter;
  /** Physical line of the header row, 1-based. */
  headerLine: number;
  /** Fields in the header row. */
  columns: number;
}

interface SampleRow {
  line: number;
  /** Fields up to the last one not empty. */
  count: number;
  fields: readonly string[];
}

/** Whether a row's fields name a known format's marker columns (registry.ts namesAFormat). */
export type HeaderTest = (fields: readonly string[]) => boolean;

/** Non-blank records of the sample with their starting line, as split by `delimiter`. */
function sampleRows(sample: string, delimiter: Delimiter, maxRows: number): SampleRow[] {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  const data = parser.parse(sample, 0, false).data as string[][];
  const rows: SampleRow[] = [];
  let line = 1;
  for (const fields of data) {
    // Trailing empty fields (Excel's `;;` on title lines, trailing delimiters) do not count.
    let count = fields.length;
    while (count > 0 && fields[count - 1]!.trim() === '') count--;
    if (count > 0) rows.push({ line, count, fields });
    line += lineSpan(fields);
    if (rows.length >= maxRows) break;
  }
  return rows;
}

/**
 * The field count most rows share. Ties (tiny files) go to a count above one, then to the count
 * seen first, so a header followed by one ragged row still wins over that row.
 */
function modalCount(rows: readonly SampleRow[]): { count: number; support: number } {
  const freq = new Map<number, number>();
  for (const r of rows) freq.set(r.count, (freq.get(r.count) ?? 0) + 1);
  let best = { count: 1, support: 0 };
  for (const [count, support] of freq) {
    const better = support > best.support || (support === best.support && best.count === 1 && count > 1);
    if (better) best = { count, support };
  }
  return best;
}

/** The widest count that at least two rows of more than two fields reach or nearly reach (up to 3 trailing fields empty). */
function wideModal(rows: readonly SampleRow[]): { count: number; support: number } | null {
  const wide = rows.filter((r) => r.count > 2);
  let best: { count: number; support: number } | null = null;
  for (const { count } of wide) {
    const support = wide.filter((r) => r.count <= count && r.count >= count - 3).length;
    if (support >= 2 && (!best || support > best.support || (support === best.support && count > best.count))) best = { count, support };
  }
  return best;
}

/**
 * The header is the first row with the modal field count, or an earlier row with at least half as
 * many (and two or more) fields: title lines have one or two fields, while a header above data rows
 * that all carry surplus fields has only a few fewer than they do. A title line can also have nearly
 * as many fields as the header (`Report;Orders;from 01.05.2026;to 31.05.2026`): when it names no
 * known format's marker columns and a later row up to the first full-width one does, that row is it.
 */
function headerRow(rows: readonly SampleRow[], modal: number, namesAFormat?: HeaderTest): SampleRow {
  const at = rows.findIndex((r) => r.count >= modal || (r.count >= 2 && r.count * 2 >= modal && r.count >= modal - 2));
  if (at < 0) return rows[0]!;
  if (namesAFormat && rows[at]!.count < modal && !namesAFormat(rows[at]!.fields)) {
    for (let i = at + 1; i < rows.length; i++) {
      if (namesAFormat(rows[i]!.fields)) return rows[i]!;
      if (rows[i]!.count >= modal) break;
    }
  }
  return rows[at]!;
}

/**
 * Layout of normalised text (LF line ends). `sample` should end at a line break unless it is the
 * whole file. The delimiter whose field count is most consistent across rows wins; the header is
 * the first non-blank row with at least that many fields (title lines have fewer), or the row that
 * `namesAFormat` recognises when a title line comes close.
 */
export function detectLayout(sample: string, forced?: Delimiter, namesAFormat?: HeaderTest): TextLayout | null {
  const candidates = forced ? [forced] : DELIMITERS;
  let best: { layout: TextLayout; score: number } | null = null;
  for (const delimiter of candidates) {
    const rows = sampleRows(sample, delimiter, 60);
    if (rows.length === 0) return null;
    let modal = modalCount(rows);
    // Short title and footer rows can outnumber a few wide ones (PayPal's case report: RH, FH, SH
    // rows above its column row, SF, SC, RF, RC, FF below a handful of cases): then the wide rows
    // that agree, give or take trailing empty fields, decide.
    if (modal.count <= 2) modal = wideModal(rows) ?? modal;
    // One field per row means this character does not separate anything.
    // Rows that differ only by trailing empty fields agree on their width as written: a `;` export
    // whose last column (a note) is mostly empty splits its rows into two trimmed counts, while a
    // decimal comma in one amount column gives `,` one steady count on every data row.
    const written = modalCount(rows.map((r) => ({ ...r, count: r.fields.length })));
    const support = Math.max(modal.support, written.count > 1 && written.count >= modal.count ? written.support : 0);
    const header = headerRow(rows, modal.count, namesAFormat);
    // A header naming a known format's columns settles it: no other delimiter splits those names.
    const named = namesAFormat?.(header.fields) ? 1_000_000 : 0;
    const score = modal.count > 1 ? named + support * 1000 + modal.count : 0;
    const layout: TextLayout = { delimiter, headerLine: header.line, columns: header.count };
    if (!best || score > best.score) best = { layout, score };
  }
  return best?.layout ?? null;
}
