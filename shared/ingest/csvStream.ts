// Splits normalised text chunks into records, keeping the physical line each record starts on, and
// sets aside rows that are structurally broken before anything reads their values. papaparse parses
// every record until the reader says which columns it reads; then lines without a quote are split
// here, cutting out only those columns, and each quoted record is still parsed by papaparse.
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';
import { readHeader, type Header } from './headers';
import { countNewlines, lineSpan, offsetOfLine } from './lineEndings';
import { describeColumn, type FileMessages, type RowProblemCode } from './problems';

export const MAX_FIELD_CHARS = 64 * 1024;
export const MAX_RECORD_CHARS = 1024 * 1024;

// C0 controls other than tab, LF and CR, and DEL: never in a genuine export cell.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface CsvSink {
  header(header: Header): void;
  /**
   * A structurally sound data row: as many fields as the header (trailing empty extras cut).
   * `quoted` is false for a row read from a line without a quote character in it.
   */
  row(fields: string[], line: number, quoted: boolean): void;
  /** A data row set aside before mapping; called once per such row. */
  problem(line: number, code: RowProblemCode, reason: string, column?: number, columnName?: string): void;
  /**
   * A row with fewer fields than the header: true when the sink accounted for it itself (a footer
   * row of a file that mixes kinds of rows), false to set it aside as ragged.
   */
  shortRow?(fields: readonly string[], line: number): boolean;
}

export interface CsvStreamOptions {
  delimiter: Delimiter;
  headerLine: number;
  maxFieldChars?: number;
  maxRecordChars?: number;
}

/**
 * Test setting: rows read column-sparse (see CsvRecordStream.want) throw when a column the sink did
 * not ask for is read, so a reader that reads more than it declared fails its tests instead of
 * reading an empty value. test/unit/setup.ts turns it on for every unit test.
 */
export const unreadColumns = { guard: false };

interface PapaError {
  code: string;
  row?: number;
}

export class CsvRecordStream {
  /** Data rows seen (sound or set aside); blank lines are not rows. */
  rows = 0;
  blankLines = 0;
  header: Header | null = null;
  private readonly parser: Papa.Parser;
  /** Parses the one record at the start of its input: a quoted line's record, between quote-free lines. */
  private readonly oneRecord: Papa.Parser;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  /** The file quotes nothing (quotesAreText): every line after the header is one record, split at the delimiter. */
  private quotesAreTextAfterHeader = false;
  /** Columns the sink reads, once it said so (want); null: every column. */
  private wanted: Uint8Array | null = null;
  /** A row of the header's width with every column empty, copied for each column-sparse row. */
  private emptyRow: string[] = [];
  private readonly maxField: number;
  private readonly maxRecord: number;
  private readonly headerLine: number;
  /** Physical line on which `carry` (and so the next record) starts. */
  private line = 1;
  private carry = '';
  private dropping = false;
  private controlInInput = false;
  /**
   * Fields of the first data row (0 until one is read). An exporter that ends its data rows with a
   * delimiter the header lacks does so on every row; one row wider than that holds an unquoted
   * delimiter, and its columns after it are shifted.
   */
  private dataWidth = 0;

  constructor(
    options: CsvStreamOptions,
    private readonly sink: CsvSink,
    private readonly messages: FileMessages,
  ) {
    this.parser = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"' });
    this.oneRecord = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"', preview: 1 });
    this.delimiter = options.delimiter;
    this.delimiterCode = options.delimiter.charCodeAt(0);
    this.maxField = options.maxFieldChars ?? MAX_FIELD_CHARS;
    this.maxRecord = options.maxRecordChars ?? MAX_RECORD_CHARS;
    this.headerLine = options.headerLine;
  }

  /**
   * The sink reads only these columns (0-based) of data rows: the others may be left empty in the
   * rows it is given. Rows of lines without a quote are then split without making the other
   * columns' strings, the larger part of splitting a wide export (Shopify's 79 columns, of which a
   * reader maps about 25). Every check on a row (width, field length, blank line) still sees all
   * of its columns. Call from `header()`.
   */
  want(columns: Iterable<number>): void {
    if (!this.header) return;
    const width = this.header.names.length;
    const wanted = new Uint8Array(width);
    for (const c of columns) if (c >= 0 && c < width) wanted[c] = 1;
    this.wanted = wanted;
    this.emptyRow = new Array<string>(width).fill('');
  }

  /**
   * The file writes `"` as text and never quotes a field (Amazon's flat files: a product name such as
   * `"Premium" Flasche` is written as is). Call from `header()`, after `want`.
   */
  quotesAreText(): void {
    if (this.wanted) this.quotesAreTextAfterHeader = true;
  }

  /** Text with LF line ends (see LineEndingNormaliser). */
  push(text: string): void {
    this.feed(text, false);
  }

  end(): void {
    this.feed('', true);
  }

  private feed(text: string, final: boolean): void {
    let input = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    // Records end at a line break: without a new one nothing can complete, so do not re-parse
    // the pending partial record (tiny chunks would otherwise make a long record quadratic).
    if (!final && !this.dropping && input.length <= this.maxRecord && text.indexOf('\n') === -1) {
      this.carry = input;
      return;
    }
    if (this.dropping) {
      // Inside a physical line too long to hold: discard up to its end.
      const nl = input.indexOf('\n');
      if (nl === -1) return;
      input = input.substring(nl + 1);
      this.dropping = false;
    }
    while (this.line < this.headerLine) {
      const nl = input.indexOf('\n');
      if (nl === -1) {
        if (!final) this.carry = input;
        return;
      }
      input = input.substring(nl + 1);
      this.line++;
    }
    let quotedRecords = 0;
    for (;;) {
      if (input.length === 0) return;
      let consumed: number;
      let resumeAt = -1;
      // Column-sparse rows once the sink said what it reads (and while the file quotes few rows).
      const quote = this.quotesAreTextAfterHeader ? -1 : this.wanted && quotedRecords <= QUOTED_RECORDS_ONE_BY_ONE ? input.indexOf('"') : -2;
      const quoteLine = quote >= 0 ? input.lastIndexOf('\n', quote) + 1 : -1;
      if (quote === -1 || quoteLine > 0) {
        // Whole lines without a quote, up to the line of the first quote (or all of them).
        const end = quote === -1 ? (final ? input.length : input.lastIndexOf('\n') + 1) : quoteLine;
        consumed = end > 0 ? this.quoteFreeLines(input, end) : 0;
      } else if (quote >= 0) {
        // The one record that starts with a quoted line, parsed on its own.
        quotedRecords++;
        const result = this.oneRecord.parse(input, 0, !final);
        const rows = result.data as string[][];
        // Nothing when the record is not complete yet (its closing quote or line break is still to come).
        consumed = rows.length === 0 ? 0 : (result.meta.cursor as number);
        this.controlInInput = CONTROL_CHARS.test(consumed === input.length ? input : input.substring(0, consumed));
        resumeAt = this.takeRows(rows, result.errors as PapaError[], input, consumed, final);
      } else {
        this.controlInInput = CONTROL_CHARS.test(input);
        const result = this.parser.parse(input, 0, !final);
        consumed = final ? input.length : (result.meta.cursor as number);
        const rows = result.data as string[][];
        // At the end papaparse also returns the empty text after a last line break as a row: not a
        // line of the file, and it must not count as a blank one.
        if (final && input.charCodeAt(input.length - 1) === 10 && isEmptyRow(rows[rows.length - 1])) rows.pop();
        resumeAt = this.takeRows(rows, result.errors as PapaError[], input, consumed, final);
      }
      if (resumeAt >= 0) {
        input = input.substring(resumeAt);
        continue;
      }
      if (consumed === input.length) return;
      if (consumed > 0) {
        input = input.substring(consumed);
        continue;
      }
      if (final) return;
      const rest = input.substring(consumed);
      if (rest.length <= this.maxRecord) {
        this.carry = rest;
        return;
      }
      // A record this long is an unterminated quote or garbage: set its first line aside and
      // read on from the next line, so one stray quote cannot swallow the rest of the file.
      this.setAside(
        this.line,
        'record-too-long',
        `a record starting on this line runs past ${this.maxRecord >> 20} MiB (an unterminated quote?); this line was set aside and reading resumed on the next line`,
      );
      this.line++;
      const nl = rest.indexOf('\n');
      if (nl === -1) {
        this.dropping = true;
        return;
      }
      input = rest.substring(nl + 1);
    }
  }

  /**
   * Reads the lines of `input` before `end` (a line start, or the input's end at the file's end),
   * which hold no quote: each line is one record, its fields split at the delimiter. Only wanted
   * columns are cut out; a line whose width or field lengths are off, or that may be blank, is
   * split whole and checked as any record. Returns `end`.
   */
  private quoteFreeLines(input: string, end: number): number {
    const wanted = this.wanted!;
    const width = wanted.length;
    const delimiter = this.delimiterCode;
    const maxField = this.maxField;
    const guard = unreadColumns.guard;
    let at = 0;
    while (at < end) {
      let fields = this.emptyRow.slice();
      let column = 0;
      let start = at;
      let fit = true;
      // A control character (CONTROL_CHARS, seen here in the one pass over the line): the line
      // goes to record(), which finds and reports it.
      let control = false;
      let i = at;
      for (; i < end; i++) {
        const c = input.charCodeAt(i);
        if (c === delimiter) {
          if (column < width) {
            if (wanted[column] === 1) fields[column] = input.substring(start, i);
            if (i - start > maxField) fit = false;
          }
          column++;
          start = i + 1;
        } else if (c < 32 || c === 127) {
          if (c === 10) break;
          if (c !== 9 && c !== 13) control = true;
        }
      }
      // i is the line break, or the end of a last line without one.
      if (column < width) {
        if (wanted[column] === 1) fields[column] = input.substring(start, i);
        if (i - start > maxField) fit = false;
      }
      const line = this.line++;
      const first = input.charCodeAt(at);
      if (control || !fit || column !== width - 1 || i === at || first <= 32 || first === delimiter) {
        this.controlInInput = control;
        this.record(input.substring(at, i).split(this.delimiter), line);
      } else {
        if (guard) fields = guardUnread(fields, wanted);
        if (this.dataWidth === 0) this.dataWidth = width;
        this.rows++;
        this.sink.row(fields, line, false);
      }
      at = i + 1;
    }
    return end;
  }

  /** Hands parsed records on; returns where to re-parse from after a damaged record, or -1. */
  private takeRows(rows: string[][], errors: PapaError[], input: string, consumed: number, final: boolean): number {
    const startLine = this.line;
    const unterminatedEnd = final && input.charCodeAt(input.length - 1) !== 10;
    // If every record consumed exactly one line break, no record spans lines: skip per-row counting.
    const simple = countNewlines(input, 0, consumed) === (unterminatedEnd ? rows.length - 1 : rows.length);
    let damaged: Map<number, string> | null = null;
    for (const e of errors) {
      if (e.row === undefined || (e.code !== 'MissingQuotes' && e.code !== 'InvalidQuotes')) continue;
      damaged ??= new Map();
      if (!damaged.has(e.row) || e.code === 'MissingQuotes') damaged.set(e.row, e.code);
    }
    let line = startLine;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!;
      const span = simple ? 1 : lineSpan(fields);
      const at = line;
      line += span;
      const code = damaged?.get(i);
      if (code !== undefined && this.header) {
        const resume = this.quoteDamage(fields, at, span, code, input, startLine);
        if (resume >= 0) return resume;
        continue;
      }
      const headerRead = this.header !== null;
      this.record(fields, at);
      // The header said the file quotes nothing: the rows after it are split again as plain lines.
      if (!headerRead && this.quotesAreTextAfterHeader) {
        this.line = line;
        return offsetOfLine(input, line - startLine);
      }
    }
    this.line = line;
    return -1;
  }

  private quoteDamage(fields: string[], at: number, span: number, code: string, input: string, startLine: number): number {
    if (span > 1) {
      const col = fields.findIndex((f) => f.indexOf('\n') !== -1);
      this.setAside(
        at,
        'quote',
        'a quoted field opens on this line and does not close before the line ends (unterminated or malformed quote); this line was set aside and reading resumed on the next line',
        col + 1,
      );
      this.line = at + 1;
      return offsetOfLine(input, at + 1 - startLine);
    }
    if (code === 'MissingQuotes') {
      this.setAside(at, 'quote', 'a quoted field opens on this line and is never closed (unterminated quote)', fields.length);
    } else {
      const col = fields.findIndex((f) => f.indexOf('"') !== -1);
      this.setAside(at, 'quote', 'malformed quotes: a quote inside a quoted field must be doubled', col >= 0 ? col + 1 : undefined);
    }
    return -1;
  }

  private record(fields: string[], line: number): void {
    const first = fields[0]!;
    if ((first === '' || first.charCodeAt(0) <= 32) && allEmpty(fields, 0)) {
      this.blankLines++;
      return;
    }
    if (!this.header) {
      this.header = readHeader(fields, line, this.messages);
      this.sink.header(this.header);
      return;
    }
    const expected = this.header.names.length;
    const n = fields.length;
    if (n > expected) {
      if (!allEmpty(fields, expected)) {
        this.setAside(line, 'ragged', `row has ${n} fields, the header has ${expected}: unexpected values from column ${expected + 1} on`, expected + 1);
        return;
      }
      // The first row read gives the file's width; one set aside above gives none.
      if (this.dataWidth === 0) this.dataWidth = n;
      if (n > this.dataWidth) {
        this.setAside(
          line,
          'ragged',
          `row has ${n} fields, the header has ${expected} and the first row ${this.dataWidth}: a value with an unquoted delimiter shifts the columns after it one to the right (quote that value), or a spreadsheet padded the row with empty cells (delete any stray cell right of the table)`,
          this.dataWidth + 1,
        );
        return;
      }
      fields.length = expected; // trailing delimiters, as Excel writes them
    } else if (n < expected) {
      if (this.sink.shortRow?.(fields, line)) return;
      this.setAside(
        line,
        'ragged',
        `row has ${n} fields, the header has ${expected}: ${describeColumn(n + 1, this.header.names[n])} onwards are missing`,
        n + 1,
      );
      return;
    } else if (this.dataWidth === 0) this.dataWidth = n;
    for (let j = 0; j < expected; j++) {
      if (fields[j]!.length > this.maxField) {
        this.setAside(line, 'field-too-long', `${describeColumn(j + 1, this.header.names[j])} holds more than ${this.maxField >> 10} KiB of text`, j + 1);
        return;
      }
    }
    if (this.controlInInput) {
      for (let j = 0; j < expected; j++) {
        if (CONTROL_CHARS.test(fields[j]!)) {
          this.setAside(
            line,
            'control-chars',
            `${describeColumn(j + 1, this.header.names[j])} contains control characters (binary data in a text export)`,
            j + 1,
          );
          return;
        }
      }
    }
    this.rows++;
    this.sink.row(fields, line, true);
  }

  private setAside(line: number, code: RowProblemCode, reason: string, column?: number): void {
    this.rows++;
    const name = column !== undefined && this.header ? this.header.names[column - 1] : undefined;
    this.sink.problem(line, code, reason, column, name);
  }
}

/** Quoted records parsed one by one in a chunk before the rest of it is parsed by papaparse in one go (a file that quotes most rows). */
const QUOTED_RECORDS_ONE_BY_ONE = 32;

/** The row, throwing when a column not wanted is read (unreadColumns.guard). */
function guardUnread(fields: string[], wanted: Uint8Array): string[] {
  return new Proxy(fields, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const c = Number(key);
        if (Number.isInteger(c) && c >= 0 && c < wanted.length && wanted[c] !== 1)
          throw new Error(`column ${c + 1} was read but not wanted (CsvRecordStream.want)`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

function isEmptyRow(fields: readonly string[] | undefined): boolean {
  return fields !== undefined && fields.length === 1 && fields[0] === '';
}

function allEmpty(fields: readonly string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
  return true;
}
