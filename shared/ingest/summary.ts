// One file's import, start to end, for callers that hold the cache in memory (the CLI, tests), and
// the summary every caller shows: the four row buckets, which always add up to the rows read.
import type { FileMessage, RowProblem } from './problems';
import { ExportReader, type DateColumnOrder, type ReaderInfo, type ReaderOptions } from './reader';
import { ImportSession, type ClassifiedBatch, type ImportCounts, type KnownRecords } from './reconcile';
import type { DomainKind } from './records';

/** Quarantined rows listed in a summary; the count beyond this is still exact. */
export const MAX_LISTED_PROBLEMS = 10_000;

export interface FileSummary {
  file: string;
  /** Preset id, or null when the format was not recognised. */
  format: string | null;
  formatLabel: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerLine: number | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** The quarantined rows (first MAX_LISTED_PROBLEMS), by line. */
  problems: RowProblem[];
  problemsTruncated: boolean;
  records: Record<DomainKind, { created: number; updated: number; unchanged: number }>;
  blankLines: number;
  bytes: number;
  fileHash: string;
  errors: FileMessage[];
  warnings: FileMessage[];
  /** The day/month order each date column was read in, and why. */
  dateOrders: DateColumnOrder[];
  /** The columns (1-based) the import found card numbers in, in the rows it read (rows to fix reduces them there). */
  cardColumns: number[];
}

/** Errors that leave nothing to map: no text, or no line or header to take columns from. */
const NOTHING_TO_MAP = new Set(['empty-file', 'not-text', 'no-line-breaks', 'line-too-long', 'no-header']);

/** True when the file failed before any row was read: its zero buckets are no success. */
export function fileFailed(s: Pick<FileSummary, 'errors' | 'rows'>): boolean {
  return s.errors.length > 0 && s.rows === 0;
}

/**
 * True when mapping the file's columns in the wizard can help: no format was recognised, yet the
 * file is text with a header (not empty, not a spreadsheet or other binary file).
 */
export function offersMapping(s: Pick<FileSummary, 'errors' | 'format'>): boolean {
  return s.format === null && !s.errors.some((e) => NOTHING_TO_MAP.has(e.code));
}

/** Collects the listed problems of a running import, capped. */
export class ProblemList {
  readonly items: RowProblem[] = [];
  truncated = false;

  add(problems: readonly RowProblem[]): void {
    for (const p of problems) {
      if (this.items.length < MAX_LISTED_PROBLEMS) this.items.push(p);
      else this.truncated = true;
    }
  }
}

export function summarise(info: ReaderInfo, counts: ImportCounts, problems: ProblemList): FileSummary {
  return {
    file: info.file,
    format: info.preset?.id ?? null,
    formatLabel: info.preset?.label ?? null,
    encoding: info.encoding,
    delimiter: info.delimiter,
    headerLine: info.headerLine,
    rows: info.rowsRead,
    created: counts.rows.created,
    updated: counts.rows.updated,
    unchanged: counts.rows.unchanged,
    quarantined: counts.rows.quarantined,
    problems: problems.items.slice().sort((a, b) => a.line - b.line),
    problemsTruncated: problems.truncated,
    records: counts.records,
    blankLines: info.blankLines,
    bytes: info.bytesRead,
    fileHash: info.fileHash,
    errors: info.errors,
    warnings: info.warnings,
    dateOrders: info.dateOrders,
    cardColumns: info.cardColumns ?? [],
  };
}

/** A cache the import can write to as it goes (MemoryKnownRecords, or a test double). */
export interface WritableKnownRecords extends KnownRecords {
  remember(batch: Pick<ClassifiedBatch, 'created' | 'updated'>): void;
}

/**
 * Imports one file from its byte chunks: read, classify against `known`, write to `known`. The
 * worker does the same with an async write per batch; this is that loop for synchronous caches.
 */
export async function importChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReaderOptions,
  known: WritableKnownRecords,
  onBatch?: (batch: ClassifiedBatch) => void,
): Promise<FileSummary> {
  const reader = new ExportReader(options);
  const session = new ImportSession(options.fileName);
  const problems = new ProblemList();
  const step = (batch: ReturnType<ExportReader['push']>) => {
    const classified = session.classify(batch, known);
    known.remember(classified);
    problems.add(classified.quarantined);
    onBatch?.(classified);
  };
  for await (const chunk of chunks) step(reader.push(chunk));
  step(reader.end());
  return summarise(reader.info(), session.counts, problems);
}
