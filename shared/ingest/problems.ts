// Problems found while importing, as values: a quarantined row names its file, line and column,
// a file-level message says what is wrong with the whole file. Neither ever quotes a cell value.

/** Why a row was quarantined; stable codes the UI can filter and count by. */
export type RowProblemCode =
  | 'ragged'
  | 'quote'
  | 'field-too-long'
  | 'record-too-long'
  | 'control-chars'
  | 'missing-value'
  | 'invalid-value'
  | 'card-number'
  | 'orphan-row'
  | 'group-member'
  | 'duplicate-key'
  /** A row that may only add to a record the cache holds (a report without prices), and the cache holds none. */
  | 'not-in-cache'
  /** A row of another kind in a mixed file (a fee or transfer among PayPal payments): nothing to fix. */
  | 'other-row-kind';

export interface RowProblem {
  file: string;
  /** Physical line (1-based) where the row starts; the header is line 1 unless title lines precede it. */
  line: number;
  /** 1-based column index, when the problem sits in one column. */
  column?: number;
  columnName?: string;
  code: RowProblemCode;
  /** Plain English; names columns and lines, never the values in them. */
  reason: string;
}

export interface FileMessage {
  level: 'error' | 'warning';
  code: string;
  message: string;
  /** First line it applies to, when it applies to rows. */
  line?: number;
  /** How many rows it applies to, when it was seen more than once. */
  count?: number;
  /** The column (1-based) it is about, when it is about one. */
  column?: number;
}

/** Collects file-level warnings, folding repeats (same code and message) into one counted entry. */
export class FileMessages {
  private readonly byKey = new Map<string, FileMessage>();

  error(code: string, message: string): void {
    this.add('error', code, message);
  }

  warn(code: string, message: string, line?: number, column?: number): void {
    this.add('warning', code, message, line, column);
  }

  private add(level: FileMessage['level'], code: string, message: string, line?: number, column?: number): void {
    const key = `${level}\u0000${code}\u0000${message}`;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      return;
    }
    const m: FileMessage = { level, code, message };
    if (line !== undefined) m.line = line;
    if (column !== undefined) m.column = column;
    this.byKey.set(key, m);
  }

  get errors(): FileMessage[] {
    return [...this.byKey.values()].filter((m) => m.level === 'error');
  }

  get warnings(): FileMessage[] {
    return [...this.byKey.values()].filter((m) => m.level === 'warning');
  }

  get hasErrors(): boolean {
    for (const m of this.byKey.values()) if (m.level === 'error') return true;
    return false;
  }
}

/** `column 3 (Email)` or `column 3`: how problems name a column. */
export function describeColumn(column: number, name: string | undefined): string {
  return name ? `column ${column} (${name})` : `column ${column}`;
}
