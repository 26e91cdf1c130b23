// The decisions CSV: the decision log for the order system and a witness of the log (every entry's
// seq and hash). One writer, the Review screen's export; one reader, the CLI's `--decisions` and
// "Verify against a file…". Cells go through the one CSV writer, so the reader restores them.
import Papa from 'papaparse';
import { cellText, toCsv, restoreCell, type CsvCell } from '../export/csv';
import { DECISIONS, isOrderDecision, type Decision, type DecisionEntry } from './chain';

/**
 * The columns as the app writes them: `undoes`, `settles` and then `rules` came after the first exports.
 * `settles` names what a lead's resolution settles, each as `<device>/<seq>`, separated by `;`.
 * `rules` says why the order scored as it did when it was decided: each rule that fired as
 * `<rule id>: <what it saw>`, separated by `; ` (for the reader of the file; the app reads it back
 * only as a column it knows, since a witness needs the seq and hash, and reports need no rule).
 */
export const DECISIONS_CSV_HEAD = [
  'seq',
  'time_utc',
  'source',
  'order_id',
  'decision',
  'reason_code',
  'note',
  'analyst',
  'score',
  'matrix_version',
  'hash',
  'undoes',
  'settles',
  'rules',
] as const;
/** The columns of exports made before `undoes`: still read (an undo then reverses its order's latest decision). */
export const DECISIONS_CSV_HEAD_BEFORE_UNDOES = DECISIONS_CSV_HEAD.slice(0, DECISIONS_CSV_HEAD.indexOf('undoes')) as readonly DecisionsCsvColumn[];
/** The columns of exports made before `settles` (no resolutions in them). */
export const DECISIONS_CSV_HEAD_BEFORE_SETTLES = DECISIONS_CSV_HEAD.slice(0, DECISIONS_CSV_HEAD.indexOf('settles')) as readonly DecisionsCsvColumn[];

const SETTLES_PART = /^([^;/\s]{1,100})\/([1-9]\d{0,14})$/;

export type DecisionsCsvColumn = (typeof DECISIONS_CSV_HEAD)[number];

/** Events about the log or the cache (a restore, an erasure, a retention run, the cache cleared) name no order. */
const LOG_EVENTS: readonly Decision[] = ['restore', 'erasure', 'retention', 'clear-cache'];

/**
 * The file, oldest entry first whatever order `entries` come in, each record ended by CRLF. `head`
 * chooses the columns; only tests write the older one, to check it is still read.
 */
export function writeDecisionsCsv(entries: readonly DecisionEntry[], head: readonly DecisionsCsvColumn[] = DECISIONS_CSV_HEAD): string {
  const oldestFirst = [...entries].sort((a, b) => a.seq - b.seq);
  return toCsv(
    head,
    oldestFirst.map((e) => {
      const cells = cellsOf(e);
      return head.map((c) => cells[c]);
    }),
  );
}

/** An entry's cells before they are written (the archive export writes them too, see archiveCsv.ts). */
export function cellsOf(e: DecisionEntry): Record<DecisionsCsvColumn, CsvCell> {
  const [source, ...id] = e.orderKey.split(':');
  return {
    seq: e.seq,
    time_utc: new Date(e.at).toISOString(),
    source,
    order_id: id.join(':'),
    decision: e.decision,
    reason_code: e.reasonCode,
    note: e.note,
    analyst: e.analyst,
    score: e.score,
    matrix_version: e.matrixVersion,
    hash: { sha256: e.hash },
    undoes: e.undoes ?? '',
    settles: e.settles?.map((r) => `${r.deviceId}/${r.seq}`).join(';') ?? '',
    rules: e.fired?.map((f) => `${f.ruleId}: ${f.text}`).join('; ') ?? '',
  };
}

/** The column only the archive export has (archiveCsv.ts): a file with it is refused as the log. */
export const ARCHIVE_MARKER_COLUMN = 'set_aside_by_entry';

/** Columns the reader takes as written, white space included; the others it trims. */
const UNTRIMMED: readonly DecisionsCsvColumn[] = ['note'];

/**
 * An entry's cells as a reader of its decisions CSV sees them: what the writer wrote (a card number
 * reduced, a formula-like cell guarded), then the guard taken off and, but for the note, trimmed.
 * A file's cells are compared with these to tell an edited file from the export.
 */
export function readCellsOf(e: DecisionEntry): Record<DecisionsCsvColumn, string> {
  const cells = cellsOf(e);
  const out = {} as Record<DecisionsCsvColumn, string>;
  for (const c of DECISIONS_CSV_HEAD) {
    const text = restoreCell(cellText(cells[c]));
    out[c] = UNTRIMMED.includes(c) ? text : text.trim();
  }
  return out;
}

/** Where a decisions CSV is wrong: the file's physical line (1-based), the column when one cell is at fault. */
export interface DecisionsCsvProblem {
  line: number;
  column?: DecisionsCsvColumn;
  error: string;
}

/** What the file holds: entries oldest first, `prevHash` empty (the CSV does not carry it). */
export type DecisionsCsvRead = { entries: DecisionEntry[] } | DecisionsCsvProblem;

/** The same, with each row's cells as read, by seq (a witness compares them with the log's entries). */
export type DecisionsCsvCellsRead = { entries: DecisionEntry[]; cells: Map<number, Partial<Record<DecisionsCsvColumn, string>>> } | DecisionsCsvProblem;

const REQUIRED = DECISIONS_CSV_HEAD_BEFORE_UNDOES;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

interface CsvRecord {
  line: number;
  cells: string[];
  error?: string;
}

/** Records with the physical line each starts on (a quoted note can span lines). */
function recordsOf(body: string): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let consumed = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (r) => {
      rows.push({ line, cells: r.data, ...(r.errors.length ? { error: r.errors[0]!.message } : {}) });
      const end = r.meta.cursor;
      for (let i = consumed; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      consumed = end;
    },
  });
  return rows.filter((r) => r.error !== undefined || !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
}

/** Reads a decisions CSV whole; the first problem found, by line and column, if it is not one. */
export function readDecisionsCsv(text: string): DecisionsCsvRead {
  const read = readDecisionsCsvCells(text);
  return 'entries' in read ? { entries: read.entries } : read;
}

/** readDecisionsCsv, with each row's cells as read (the guard taken off; trimmed but the note). */
export function readDecisionsCsvCells(text: string): DecisionsCsvCellsRead {
  const records = recordsOf(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records[0];
  if (!header) return { line: 1, error: `empty file; expected the decisions export header ${REQUIRED.join(',')}` };
  if (header.error) return { line: header.line, error: header.error };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const col = new Map<DecisionsCsvColumn, number>();
  for (const name of DECISIONS_CSV_HEAD) {
    const i = names.indexOf(name);
    if (i >= 0) col.set(name, i);
  }
  // The archive export has these columns too, but its entries are no longer in force: never read as the log.
  if (names.includes(ARCHIVE_MARKER_COLUMN))
    return {
      line: header.line,
      error: 'not a decisions export: this is the export of the decision log archive (entries restores set aside, no longer in force)',
    };
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) return { line: header.line, error: `not a decisions export: column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing` };

  const entries: DecisionEntry[] = [];
  const cells = new Map<number, Partial<Record<DecisionsCsvColumn, string>>>();
  const seen = new Set<number>();
  for (const row of records.slice(1)) {
    const fail = (error: string, column?: DecisionsCsvColumn): DecisionsCsvProblem => (column ? { line: row.line, column, error } : { line: row.line, error });
    if (row.error) return fail(row.error);
    if (row.cells.length !== names.length) return fail(`row has ${row.cells.length} fields, the header has ${names.length}`);
    // The writer guards formula-like cells with ' (shared/export/csv.ts); restoreCell undoes exactly that.
    const raw = (name: DecisionsCsvColumn) => {
      const i = col.get(name);
      return i === undefined ? '' : restoreCell(row.cells[i]!);
    };
    const cell = (name: DecisionsCsvColumn) => raw(name).trim();
    const whole = (name: DecisionsCsvColumn, min: number): number | null | DecisionsCsvProblem => {
      const v = cell(name);
      if (v === '') return null;
      return /^-?\d+$/.test(v) && Number(v) >= min ? Number(v) : fail(`${name} is not a whole number${min > 0 ? ` from ${min}` : ''}: ${v}`, name);
    };
    const seq = whole('seq', 1);
    if (seq === null) return fail('seq is empty', 'seq');
    if (typeof seq !== 'number') return seq;
    if (seen.has(seq)) return fail(`seq ${seq} appears twice`, 'seq');
    seen.add(seq);
    const time = cell('time_utc');
    const at = ISO_TIME.test(time) ? Date.parse(time) : NaN;
    if (Number.isNaN(at)) return fail(`time_utc is not an ISO 8601 time: ${time || '(empty)'}`, 'time_utc');
    const decision = cell('decision').toLowerCase();
    if (!(DECISIONS as readonly string[]).includes(decision))
      return fail(`decision ${decision || '(empty)'} is not one of ${DECISIONS.join(', ')}`, 'decision');
    const source = cell('source');
    const orderId = cell('order_id');
    const logEvent = LOG_EVENTS.includes(decision as Decision) && source === '' && orderId === '';
    if (!logEvent && (source === '' || orderId === '')) return fail('source and order_id are required', source === '' ? 'source' : 'order_id');
    const scoreText = cell('score');
    const score = scoreText === '' ? null : Number(scoreText);
    if (score !== null && !Number.isFinite(score)) return fail(`score is not a number: ${scoreText}`, 'score');
    const matrixVersion = whole('matrix_version', 0);
    if (matrixVersion !== null && typeof matrixVersion !== 'number') return matrixVersion;
    const undoes = whole('undoes', 1);
    if (undoes !== null && typeof undoes !== 'number') return undoes;
    if (undoes !== null && decision !== 'undo') return fail(`undoes is set on a ${decision} entry`, 'undoes');
    const settlesText = cell('settles');
    const settles = settlesText === '' ? [] : settlesText.split(';').map((p) => SETTLES_PART.exec(p.trim()));
    const badPart = settles.findIndex((m) => m === null);
    if (badPart >= 0) return fail(`settles part ${badPart + 1} is not <device>/<seq>: ${settlesText.split(';')[badPart]}`, 'settles');
    if (settles.length && !isOrderDecision(decision as Decision)) return fail(`settles is set on a ${decision} entry`, 'settles');
    // Each cell as read (guard off; trimmed but the note): what an edited file is told apart by.
    const read: Partial<Record<DecisionsCsvColumn, string>> = {};
    for (const name of col.keys()) read[name] = UNTRIMMED.includes(name) ? raw(name) : cell(name);
    cells.set(seq, read);
    entries.push({
      seq,
      orderKey: logEvent ? '' : `${source}:${orderId}`,
      decision: decision as Decision,
      reasonCode: cell('reason_code'),
      // Notes are read as written, white space included.
      note: raw('note'),
      analyst: cell('analyst'),
      at,
      score,
      matrixVersion,
      undoes,
      ...(settles.length ? { settles: settles.map((m) => ({ deviceId: m![1]!, seq: Number(m![2]) })) } : {}),
      prevHash: '',
      hash: cell('hash'),
    });
  }
  entries.sort((x, y) => x.seq - y.seq);
  linkOlderUndos(entries);
  return { entries, cells };
}

/**
 * Exports before the `undoes` column: an undo reverses the latest earlier hold / release / cancel of
 * its order that no other undo reversed already.
 */
function linkOlderUndos(entries: DecisionEntry[]): void {
  const undone = new Set(entries.flatMap((e) => (e.decision === 'undo' && e.undoes !== null ? [e.undoes] : [])));
  entries.forEach((e, i) => {
    if (e.decision !== 'undo' || e.undoes !== null) return;
    for (let j = i - 1; j >= 0; j--) {
      const d = entries[j]!;
      if (d.orderKey !== e.orderKey || undone.has(d.seq) || !isOrderDecision(d.decision)) continue;
      e.undoes = d.seq;
      undone.add(d.seq);
      break;
    }
  });
}
