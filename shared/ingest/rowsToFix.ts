// The quarantined rows of a file for the analyst to fix and import again: its own header and delimiter,
// each row's cells re-written safely (one CSV writer, CVVs emptied), plus what was wrong with it.
import Papa from 'papaparse';
import { binOf, cardZeroedBySpreadsheet, findCardNumbers, hasLongDigitRun, last4Of } from '../domain/cardNumbers';
import { csvRecord } from '../export/csv';
import { isSecurityCodeColumn, namesCardNumber } from './cardData';
import { headerKey } from './headers';
import { lineSpan } from './lineEndings';
import type { RowProblem, RowProblemCode } from './problems';

export const PROBLEM_COLUMN = 'Import problem';

/** The rows to fix as written, and how many rows it holds (each once, however many problems it had). */
export interface RowsToFixFile {
  csv: string;
  rows: number;
}

/**
 * A file with the problem column is rows to fix this app wrote (or a spreadsheet saved from them):
 * its cells are CSV-quoted, even where the format it came from quotes nothing (Amazon's flat
 * files), so its `"` are read as quotes, not as text.
 */
export function isRowsToFix(headerKeys: readonly string[]): boolean {
  return headerKeys.includes(headerKey(PROBLEM_COLUMN));
}

/** Problems after which the import read only the row's own line (see csvStream.ts). */
const ONE_LINE: ReadonlySet<RowProblemCode> = new Set(['quote', 'record-too-long']);

/**
 * The fields of the record starting at line index `start`, parsed as the import parsed it: a
 * quoted field may run over several lines (the window grows until the record closes), unless the
 * import set the row aside for its quotes, which it read as its own line only.
 */
function recordAt(lines: readonly string[], start: number, delimiter: string, oneLine: boolean, quotesAreText: boolean): string[] {
  // A format that quotes nothing (Amazon's flat files): the line is the record, as the import read it.
  if (quotesAreText) return lines[start]!.split(delimiter);
  const parse = (text: string) => Papa.parse<string[]>(text, { delimiter, newline: '\n', quoteChar: '"', preview: 1 });
  if (oneLine) return parse(lines[start]!).data[0] ?? [''];
  for (let window = 1; ; window *= 4) {
    const end = Math.min(lines.length, start + window);
    const result = parse(lines.slice(start, end).join('\n'));
    const fields = result.data[0] ?? [''];
    const open = result.errors.some((e) => e.code === 'MissingQuotes');
    if ((!open && lineSpan(fields) <= end - start) || end === lines.length) return fields;
  }
}

/** A cell without the text guard a spreadsheet export may wrap it in (`="00123"`), as the import reads it. */
function unguarded(value: string): string {
  const v = value.trim();
  return v.startsWith('="') && v.endsWith('"') && v.length >= 3 ? v.slice(2, -1) : value;
}

/** A cell of a column named like card numbers: anything with 12-19 digits is cut to BIN + last 4. */
function cardColumnCell(value: string): string {
  // Spaces of any kind, dashes, en dashes and dots part a card's groups (cardNumbers.ts).
  const digits = value.replace(/[\s.\u2013-]/g, '');
  return /^\d{12,19}$/.test(digits) ? `${binOf(digits)}******${last4Of(digits)}` : value;
}

/**
 * `text` is the whole file decoded, `headerLine` and the problems' lines are 1-based physical
 * lines. Each quarantined row appears once, in file order, with its reasons joined; rows set aside
 * as another kind of row (`other-row-kind`) are left out. `cardColumns` are the columns (1-based)
 * the import found card numbers in (FileSummary.cardColumns), up to where it stopped.
 *
 * A card whose check digit a spreadsheet zeroed fails Luhn, so the CSV writer would send it out
 * whole. Here it is a card in a column known to hold cards: one the import found cards in (in any
 * row, read or set aside), one a listed problem names, or one holding a whole card in any row
 * written here (a wider net than the import's, which never reads an unmapped column). Elsewhere
 * 16 digits ending in 0 go back as they were: far more often a plain id, and a fix file must give
 * the analyst's ids back unchanged.
 */
export function rowsToFix(...args: Parameters<typeof rowsToFixFile>): string {
  return rowsToFixFile(...args).csv;
}

/** rowsToFix, with the count of rows written: what the analyst is told was saved. */
export function rowsToFixFile(
  text: string,
  headerLine: number,
  delimiter: string,
  problems: readonly RowProblem[],
  quotesAreText = false,
  cardColumns: readonly number[] = [],
): RowsToFixFile {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const reasons = new Map<number, string[]>();
  const oneLine = new Set<number>();
  /** Columns (0-based) known to hold card numbers: a zeroed one is a card there too. */
  const cardCells = new Set<number>(cardColumns.map((c) => c - 1));
  for (const p of problems) {
    if (p.code === 'card-number' && p.column !== undefined) cardCells.add(p.column - 1);
    // A fee or transfer row of a mixed file has nothing to fix; imported again it is set aside again.
    if (p.code === 'other-row-kind') continue;
    const list = reasons.get(p.line) ?? [];
    list.push(p.columnName ? `${p.columnName}: ${p.reason}` : p.reason);
    reasons.set(p.line, list);
    if (ONE_LINE.has(p.code)) oneLine.add(p.line);
  }
  let header = recordAt(lines, headerLine - 1, delimiter, false, quotesAreText);
  // Rows to fix of rows to fix: CSV-quoted whatever the format, and their problem column is reused.
  if (quotesAreText && isRowsToFix(header.map(headerKey))) {
    quotesAreText = false;
    header = recordAt(lines, headerLine - 1, delimiter, false, false);
  }
  const keys = header.map(headerKey);
  const problemAt = keys.indexOf(headerKey(PROBLEM_COLUMN));
  const cell = (value: string, i: number): string => {
    const key = keys[i];
    if (key !== undefined && isSecurityCodeColumn(key)) return '';
    // A text guard (`="4111…0"`) hides nothing: the import reads what it holds.
    const zeroed = cardCells.has(i) ? cardZeroedBySpreadsheet(unguarded(value)) : null;
    if (zeroed) return zeroed.reduced;
    if (key === undefined) return value; // surplus fields of a ragged row
    return namesCardNumber(key) ? cardColumnCell(value) : value;
  };
  const options = { delimiter };
  const out = [csvRecord(problemAt >= 0 ? header : [...header, PROBLEM_COLUMN], options)];
  const records: { line: number; fields: string[] }[] = [];
  for (const line of [...reasons.keys()].sort((a, b) => a - b)) {
    const start = line - 1;
    if (start < headerLine || start >= lines.length) continue;
    const fields = recordAt(lines, start, delimiter, oneLine.has(line), quotesAreText);
    fields.forEach((v, i) => {
      if (!cardCells.has(i) && hasLongDigitRun(v) && findCardNumbers(v).length > 0) cardCells.add(i);
    });
    records.push({ line, fields });
  }
  for (const { line, fields: read } of records) {
    // The CSV writer reduces whole card numbers; a zeroed one is reduced here, in a card column.
    const fields = read.map(cell);
    // Short rows are padded and empty trailing extras cut, so the problem sits in its own column.
    while (fields.length < header.length) fields.push('');
    while (fields.length > header.length && fields.at(-1)!.trim() === '') fields.pop();
    const problem = [...new Set(reasons.get(line))].join('; ');
    if (problemAt >= 0) fields[problemAt] = problem;
    out.push(csvRecord(problemAt >= 0 ? fields : [...fields, problem], options));
  }
  return { csv: out.join('\r\n') + '\r\n', rows: records.length };
}
