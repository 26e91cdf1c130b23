// The one CSV writer for every file the app and the CLI hand out: RFC 4180 quoting, any delimiter,
// card numbers cut to BIN + last 4, formula-like cells neutralised (OWASP "CSV injection").
import { isCardNumber, maskCardNumbers, reducedCardNumber } from '../domain/cardNumbers';

export type CsvCell = string | number | Sha256Cell | null | undefined;

/**
 * A SHA-256 in hex (a decision log entry's hash), written exactly: it can be neither a formula nor
 * a card number, yet a run of its digits passes the card check about once in 2,300 hashes, and a
 * masked hash would make an intact log look tampered with. Anything not 64 hex digits is text.
 */
export interface Sha256Cell {
  readonly sha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface CsvOptions {
  /** Field delimiter; `,` unless the file being given back uses its own (rows to fix). */
  delimiter?: string;
}

/**
 * Cells a spreadsheet may run: = + - @ (and their full-width forms, which some spreadsheets fold to
 * ASCII), tab or CR, found after any leading white space or line breaks.
 */
const FORMULA_START = /^[^\S\t\r]*[\t\r=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A plain decimal stays a number: optional minus, digits, optional decimal part (`.` or the
 * decimal comma of German exports), or digits in groups of three (`-1.234,56`, `-1,234.56`,
 * `-1'234.50`), with a currency sign or percent after it (`-12,50 €`, `-5%`), as spreadsheets read
 * them. Nothing else is exempt: `+3`, `-1e3`, `-2+3`, `-5 EUR` (a name after a number) are text.
 */
const PLAIN_NUMBER = /^-?(?:\d+|\d{1,3}(?:[.,'\u00a0 ]\d{3})+)(?:[.,]\d+)?(?: ?[%€$£])?$/;

/** A cell that is only a sign or a dash (`-` for "no amount"): no formula. */
const LONE_SIGN = /^\s*[-+\u2013]\s*$/;

/** Whether `text` would be taken for a formula if written as it is. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && !LONE_SIGN.test(text);
}

/** `text` without its leading apostrophes: what a neutralised cell would show without the guard. */
function afterApostrophes(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 39) i++;
  return text.slice(i);
}

/**
 * Where a cell's inner separators may begin: after its leading apostrophes and white space, the
 * part that decides whether the whole cell is formula-like.
 */
function innerStart(text: string): number {
  const i = text.length - afterApostrophes(text).length;
  return i + /^[^\S\t\r]*/.exec(text.slice(i))![0].length;
}

/**
 * A spreadsheet whose locale splits CSV on another separator (`;` in German, French or Dutch Excel,
 * `,` in English Excel opening a `;` file) or that reads a quoted line break as the end of a record
 * starts a new cell after any `,` `;` tab or line break inside a cell. Each such part that would be
 * a formula gets its own `'` (one more when it starts with apostrophes, so `restoreCell` gives back
 * exactly what was written).
 */
const INNER_PART = /(\r\n|[,;\t\r\n])([^,;\t\r\n]*)/g;

function guardInnerParts(text: string, guard: boolean): string {
  const at = innerStart(text);
  if (at >= text.length) return text;
  // A leading `,` `;` or tab is an inner separator like any other: a spreadsheet splitting there
  // (`\t=cmd` in a tab-splitting one) starts a cell after it. A leading line break stays with the
  // cell's start (a CRLF there is one line break), which neutraliseCell guards as a whole: the cell
  // is quoted, and a quoted line break splits no cell.
  const first = text.charCodeAt(at);
  const from = first === 44 || first === 59 || first === 9 ? at : at + (text.startsWith('\r\n', at) ? 2 : 1);
  const rest = text.slice(from).replace(INNER_PART, (whole, sep: string, part: string) => {
    if (!isFormulaLike(afterApostrophes(part))) return whole;
    if (guard) return `${sep}'${part}`;
    return part.charCodeAt(0) === 39 ? `${sep}${part.slice(1)}` : whole;
  });
  return text.slice(0, from) + rest;
}

/**
 * Prefixes `'` to a formula-like cell, so the spreadsheet shows it as text. A cell that already
 * starts with apostrophes before a formula gets one more, so `restoreCell` can give back exactly
 * what was written, however many there were. Formula-like parts after an inner separator or line
 * break are guarded the same way (see INNER_PART).
 */
export function neutraliseCell(value: string): string {
  const inner = guardInnerParts(value, true);
  return isFormulaLike(afterApostrophes(inner)) ? `'${inner}` : inner;
}

/**
 * Whether an apostrophe in `cell` stands before what could be a formula-like start (= + - @ tab CR,
 * their full-width forms or another apostrophe, after white space), as every guard `neutraliseCell` writes does. Most
 * apostrophes in exports guard a postcode (`'01069`) or belong to a name (`O'Brien`): restoreCell
 * leaves those cells without its regex work (every text cell of an import comes through it).
 */
const LEADING_SPACE = /[^\S\t\r]/;

function mayHoldGuard(cell: string): boolean {
  for (let at = cell.indexOf("'"); at !== -1; at = cell.indexOf("'", at + 1)) {
    let i = at + 1;
    // White space as FORMULA_START reads it (line breaks and wide spaces too; not tab or CR).
    while (i < cell.length && LEADING_SPACE.test(cell[i]!)) i++;
    const c = cell.charCodeAt(i);
    if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 39 || (c >= 0xff0b && c <= 0xff20)) return true;
  }
  return false;
}

/** The inverse of `neutraliseCell`, for readers of the app's own exports (the decisions CSV, rows to fix imported again). */
export function restoreCell(cell: string): string {
  if (!mayHoldGuard(cell)) return cell;
  const outer = cell.charCodeAt(0) === 39 && isFormulaLike(afterApostrophes(cell)) ? cell.slice(1) : cell;
  return guardInnerParts(outer, false);
}

/**
 * Text of one cell as written: finite JS numbers as numbers, SHA-256 digests as they are, everything
 * else neutralised; a card number anywhere in a cell (a number value included) is reduced to BIN +
 * last 4 first.
 */
export function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return SHA256_HEX.test(value.sha256) ? value.sha256 : cellText(value.sha256);
  if (typeof value === 'number' && Number.isFinite(value)) {
    const digits = String(value);
    return digits.length >= 13 && isCardNumber(digits) ? reducedCardNumber(digits) : digits;
  }
  return neutraliseCell(maskCardNumbers(String(value)).text);
}

function quoted(text: string, delimiter: string): string {
  const needs = text.includes(delimiter) || /["\r\n]/.test(text);
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line break. */
export function csvRecord(cells: readonly CsvCell[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  return cells.map((c) => quoted(cellText(c), delimiter)).join(delimiter);
}

/** A whole file: header and rows, each record ended by CRLF. */
export function toCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  let out = csvRecord(header, options) + '\r\n';
  for (const row of rows) out += csvRecord(row, options) + '\r\n';
  return out;
}
