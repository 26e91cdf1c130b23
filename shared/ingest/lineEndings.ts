// Line endings made uniform before parsing: CRLF and lone CR (old Mac, mixed exports) become LF,
// so one record splitter and one physical-line count serve every file.

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
