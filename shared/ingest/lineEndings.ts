// Line endings made uniform before parsing: CRLF and lone CR (old Mac, mixed exports) become LF,
// so one record splitter and one physical-line count serve every file; and what to say of a
// file in which none turn up.

export class LineEndingNormaliser {
  private pendingCR = false;

  push(chunk: string): string {
    let text = chunk;
    if (this.pendingCR) {
      text = '\r' + text;
      this.pendingCR = false;
    }
    // A CR at the end may be the first half of a CRLF split across chunks: decide next time.
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) {
      this.pendingCR = true;
      text = text.slice(0, -1);
    }
    return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  }

  end(): string {
    if (!this.pendingCR) return '';
    this.pendingCR = false;
    return '\n';
  }
}

const NOT_LINE_BASED = 'it is not a CSV or TSV export (or its lines end in a way the app does not read)';

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MiB` : `${Math.floor(bytes / 1024)} KiB`;
}

/** The file-level error for a file whose first `bytes` hold no line break (LF, CRLF or CR). */
export function noLineBreaksMessage(bytes: number): string {
  return `the file has no line breaks in its first ${sizeInWords(bytes)}: ${NOT_LINE_BASED}`;
}

/** The same after some blank lines: a line before any header runs on for `bytes` without ending. */
export function unendingLineMessage(bytes: number): string {
  return `a line before the header runs on for more than ${sizeInWords(bytes)} without a line break: ${NOT_LINE_BASED}`;
}

/** Number of LF characters in `text` between `from` and `to`. */
export function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < to) {
    n++;
    at = text.indexOf('\n', at + 1);
  }
  return n;
}

/** Offset where physical line `k` (0-based, counted from the start of `text`) begins, or -1. */
export function offsetOfLine(text: string, k: number): number {
  let at = 0;
  for (let i = 0; i < k; i++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return -1;
    at = nl + 1;
  }
  return at;
}

/** Physical lines a parsed record covers: one, plus the line breaks inside its quoted fields. */
export function lineSpan(fields: readonly string[]): number {
  let span = 1;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length > 0 && f.indexOf('\n') !== -1) span += countNewlines(f);
  }
  return span;
}
