// The quarantined rows of a file as the analyst can fix them: the file's own header and the
// rows' original text, plus a column saying what was wrong, ready to correct and import again.
import { csvRecord } from '../export/csv';
import type { RowProblem } from './problems';

export const PROBLEM_COLUMN = 'Import problem';

/** Lines a record starting at `start` spans: until its quotes balance (capped, for broken quotes). */
function recordEnd(lines: readonly string[], start: number, maxLines = 200): number {
  let quotes = 0;
  for (let i = start; i < lines.length && i < start + maxLines; i++) {
    for (const ch of lines[i]!) if (ch === '"') quotes++;
    if (quotes % 2 === 0) return i;
  }
  return start; // an unterminated quote: only its own line is the row
}

/**
 * `text` is the whole file decoded, `headerLine` and the problems' lines are 1-based physical
 * lines. Each quarantined row appears once, in file order, with its reasons joined.
 */
export function rowsToFix(text: string, headerLine: number, delimiter: string, problems: readonly RowProblem[]): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const reasons = new Map<number, string[]>();
  for (const p of problems) {
    const list = reasons.get(p.line) ?? [];
    list.push(p.columnName ? `${p.columnName}: ${p.reason}` : p.reason);
    reasons.set(p.line, list);
  }
  const header = lines[headerLine - 1] ?? '';
  const cell = (v: string) => csvRecord([v], { delimiter });
  const out = [`${header}${delimiter}${PROBLEM_COLUMN}`];
  for (const line of [...reasons.keys()].sort((a, b) => a - b)) {
    const start = line - 1;
    if (start < headerLine || start >= lines.length) continue;
    const end = recordEnd(lines, start);
    const raw = lines.slice(start, end + 1).join('\n');
    out.push(`${raw}${delimiter}${cell([...new Set(reasons.get(line))].join('; '))}`);
  }
  return out.join('\r\n') + '\r\n';
}
