// Splits normalised text chunks into records with papaparse, keeping the physical line each record
// starts on, and sets aside rows that are structurally broken before anything reads their values.
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
  /** A structurally sound data row: as many fields as the header (trailing empty extras cut). */
  row(fields: string[], line: number): void;
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
  private readonly maxField: number;
  private readonly maxRecord: number;
  private readonly headerLine: number;
  /** Physical line on which `carry` (and so the next record) starts. */
  private line = 1;
  private carry = '';
  private dropping = false;
  private controlInInput = false;

  constructor(
    options: CsvStreamOptions,
    private readonly sink: CsvSink,
    private readonly messages: FileMessages,
  ) {
    this.parser = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"' });
    this.maxField = options.maxFieldChars ?? MAX_FIELD_CHARS;
    this.maxRecord = options.maxRecordChars ?? MAX_RECORD_CHARS;
    this.headerLine = options.headerLine;
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
    for (;;) {
      if (input.length === 0) return;
      this.controlInInput = CONTROL_CHARS.test(input);
      const result = this.parser.parse(input, 0, !final);
      const consumed = final ? input.length : (result.meta.cursor as number);
      const rows = result.data as string[][];
      // At the end papaparse also returns the empty text after a last line break as a row: not a
      // line of the file, and it must not count as a blank one.
      if (final && input.charCodeAt(input.length - 1) === 10 && isEmptyRow(rows[rows.length - 1])) rows.pop();
      const resumeAt = this.takeRows(rows, result.errors as PapaError[], input, consumed, final);
      if (resumeAt >= 0) {
        input = input.substring(resumeAt);
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
      this.record(fields, at);
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
    }
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
    this.sink.row(fields, line);
  }

  private setAside(line: number, code: RowProblemCode, reason: string, column?: number): void {
    this.rows++;
    const name = column !== undefined && this.header ? this.header.names[column - 1] : undefined;
    this.sink.problem(line, code, reason, column, name);
  }
}

function isEmptyRow(fields: readonly string[] | undefined): boolean {
  return fields !== undefined && fields.length === 1 && fields[0] === '';
}

function allEmpty(fields: readonly string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
  return true;
}
