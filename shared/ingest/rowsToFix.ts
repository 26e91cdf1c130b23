// The quarantined rows of a file for the analyst to fix and import again: its own header and delimiter,
// each row's cells re-written safely (one CSV writer, CVVs emptied), plus what was wrong with it.
import Papa from 'papaparse';
import { binOf, cardZeroedBySpreadsheet, last4Of, reducedCardNumber } from '../domain/cardNumbers';
import { csvRecord } from '../export/csv';
import { isSecurityCodeColumn, namesCardNumber } from './cardData';
import { headerKey } from './headers';
import { lineSpan } from './lineEndings';
import type { RowProblem, RowProblemCode } from './problems';

export const PROBLEM_COLUMN = 'Import problem';

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

/** A cell of a column named like card numbers: anything with 12-19 digits is cut to BIN + last 4. */
function cardColumnCell(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) ? `${binOf(digits)}******${last4Of(digits)}` : value;
}

/**
 * `text` is the whole file decoded, `headerLine` and the problems' lines are 1-based physical
 * lines. Each quarantined row appears once, in file order, with its reasons joined; rows set aside
 * as another kind of row (`other-row-kind`) are left out.
 */
export function rowsToFix(text: string, headerLine: number, delimiter: string, problems: readonly RowProblem[], quotesAreText = false): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const reasons = new Map<number, string[]>();
  const oneLine = new Set<number>();
  /** Per line, the columns (0-based) the import found a card number in: a zeroed one is a card there too. */
  const cardCells = new Map<number, Set<number>>();
  for (const p of problems) {
    if (p.code === 'card-number' && p.column !== undefined) {
      const cells = cardCells.get(p.line) ?? new Set<number>();
      cells.add(p.column - 1);
      cardCells.set(p.line, cells);
    }
    // A fee or transfer row of a mixed file has nothing to fix; imported again it is set aside again.
    if (p.code === 'other-row-kind') continue;
    const list = reasons.get(p.line) ?? [];
    list.push(p.columnName ? `${p.columnName}: ${p.reason}` : p.reason);
    reasons.set(p.line, list);
    if (ONE_LINE.has(p.code)) oneLine.add(p.line);
  }
  const header = recordAt(lines, headerLine - 1, delimiter, false, quotesAreText);
  const keys = header.map(headerKey);
  const cell = (value: string, i: number): string => {
    const key = keys[i];
    if (key === undefined) return value; // surplus fields of a ragged row
    if (isSecurityCodeColumn(key)) return '';
    return namesCardNumber(key) ? cardColumnCell(value) : value;
  };
  const options = { delimiter };
  const out = [csvRecord([...header, PROBLEM_COLUMN], options)];
  for (const line of [...reasons.keys()].sort((a, b) => a - b)) {
    const start = line - 1;
    if (start < headerLine || start >= lines.length) continue;
    const cards = cardCells.get(line);
    // The CSV writer reduces whole card numbers; a card whose check digit a spreadsheet zeroed is
    // reduced here, in the cell the import named (CardScreen.cardInKey), and goes out as BIN + last 4.
    const fields = recordAt(lines, start, delimiter, oneLine.has(line), quotesAreText).map((v, i) => {
      const zeroed = cards?.has(i) ? cardZeroedBySpreadsheet(v) : null;
      return zeroed ? reducedCardNumber(zeroed) : cell(v, i);
    });
    // Short rows are padded and empty trailing extras cut, so the problem sits in its own column.
    while (fields.length < header.length) fields.push('');
    while (fields.length > header.length && fields.at(-1)!.trim() === '') fields.pop();
    out.push(csvRecord([...fields, [...new Set(reasons.get(line))].join('; ')], options));
  }
  return out.join('\r\n') + '\r\n';
}
