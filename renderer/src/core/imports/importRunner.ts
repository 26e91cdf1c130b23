// One file from bytes to committed records: the shared/ingest reader and reconciliation, with
// every batch written by ImportWriter. Runs in the import worker; Node tests drive it too.
// A full disk stops it like a crash would: whole batches kept, the import interrupted.
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { ExportReader, type ParsedBatch, type ReaderInfo, type ReaderOptions } from '../../../../shared/ingest/reader';
import { ImportSession, type ImportCounts } from '../../../../shared/ingest/reconcile';
import { ProblemList, summarise, type FileSummary } from '../../../../shared/ingest/summary';
import { diskFullMessage, isDiskFull } from '../storage/diskFull';
import { ImportWriter, newOrdersInColumns } from './importWriter';
import { noMisfits, PAYMENT_MISFITS, type MisfitCounts } from '../../../../shared/orders/paymentFit';
import { materialiseOrders } from '../../../../shared/ingest/columnarBatch';
import { coalescedChunks } from './fileChunks';
import type { BatchKeeper } from './heldRead';
import { nothingRead, readAheadSource, type ReadWorker } from './readAhead';
import { defaultRunLocks, IMPORTS_WRITING, newRunLockName, type RunLocks } from '../storage/runLocks';
import type { WorkbenchDb } from '../storage/schema';

export interface ImportProgress {
  /**
   * `checking`: the file is being read for the shop check (shopCheck.ts), nothing written yet;
   * `waiting`: another tab's import is writing, this one starts when it has finished;
   * absent while the import itself reads and writes.
   */
  stage?: 'checking' | 'waiting';
  rows: number;
  bytes: number;
  totalBytes: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export interface ImportOutcome {
  importId: number;
  /** Own-shop orders that took card and IP details from payments (either file first). */
  enrichedOrders: number;
  /** Per order field, in how many stored orders the updates changed it (ImportWriter.changedFields). */
  changedFields: Record<string, number>;
  /**
   * The file's payments that did not fit the order of their number in their shop (paymentFit.ts), by
   * reason, and whether the analyst said which shop they are from; absent when every one fit.
   */
  misfitPayments?: { counts: MisfitCounts; shopAsked: boolean };
  /** New orders inside the review window (scored for review) and older ones kept as history. */
  review: { windowDays: number; recent: number; history: number };
  /** Interrupted: the disk filled up; the committed batches stay, as after a crash. */
  status: 'completed' | 'cancelled' | 'interrupted' | 'failed';
  summary: FileSummary;
  /** What stopped an interrupted or failed import (I/O or storage), without personal data. */
  error?: string;
}

export interface ImportControl {
  cancelled: boolean;
}

/**
 * Where an import's records come from: a file read by the ExportReader, or a team operation's
 * records as they travelled (teamOpApply.ts). Either way they are classified and written alike.
 */
export interface RecordSource {
  batches: AsyncIterable<ParsedBatch>;
  /** What was read so far: the file's format, hash, errors and warnings. */
  info(): ReaderInfo;
  /** Which source's orders the payments refer to (the preset's orderSource). */
  orderSource(): string | undefined;
  /** Set when reading stopped because the import was cancelled. */
  cancelled(): boolean;
  /** The format as the source names it, where no preset read the records (a team operation). */
  facts?(): { format: string; formatLabel: string };
}

/**
 * A source whose first batch fails with `error`: a file that failed before its import began (its
 * shop check), imported as a failed import that read and wrote nothing and says why.
 */
export function failedSource(fileName: string, options: Omit<ReaderOptions, 'fileName'>, error: Error): RecordSource {
  return {
    batches: { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) },
    info: () => nothingRead(fileName, options),
    orderSource: () => undefined,
    cancelled: () => false,
  };
}

/** The records of a file as the ExportReader reads them, chunk by chunk, until the end or a cancel. */
export function readerSource(
  file: { name: string; chunks: AsyncIterable<Uint8Array> },
  options: Omit<ReaderOptions, 'fileName'>,
  control: ImportControl,
  keep?: BatchKeeper,
): RecordSource {
  const reader = new ExportReader({ ...options, fileName: file.name });
  let cut = false;
  async function* batches(): AsyncGenerator<ParsedBatch> {
    for await (const chunk of file.chunks) {
      const batch = reader.push(chunk);
      keep?.keepParsed(batch, reader.info(), false);
      yield batch;
      if (control.cancelled) {
        cut = true;
        return;
      }
    }
    const last = reader.end();
    keep?.keepParsed(last, reader.info(), true);
    yield last;
  }
  return { batches: batches(), info: () => reader.info(), orderSource: () => reader.info().preset?.options.orderSource, cancelled: () => cut };
}

/**
 * Where an import's time went, in ms, each batch stage summed over the batches: starting, reading
 * (bytes to records: decode, split, normalise, hash), loading what the batch's records meet in the
 * cache, classifying, writing (planning, encoding blocks, the transaction) and what runs after
 * each batch (the team capture).
 */
export interface ImportStageMs {
  /** Recording the import and loading the cache's order keys. */
  start: number;
  read: number;
  prefetch: number;
  classify: number;
  write: number;
  afterBatch: number;
  batches: number;
  /** New orders stored from the columns they came in (ImportWriter.write), not built as objects. */
  ordersFromColumns: number;
}

/** What else an import may do: name the team operation it is, and see each batch once it is written. */
export interface ImportExtras {
  teamOpId?: string;
  /** Called with each batch's records after the batch committed (the team capture, teamOpCapture.ts). */
  afterBatch?: (batch: ParsedBatch) => Promise<void>;
  /** Filled with where the time went, when given (the bench's import profile). */
  stageMs?: ImportStageMs;
}

/** Stage timings starting at zero, for `ImportExtras.stageMs`. */
export function noStageMs(): ImportStageMs {
  return { start: 0, read: 0, prefetch: 0, classify: 0, write: 0, afterBatch: 0, batches: 0, ordersFromColumns: 0 };
}

export async function importFile(
  db: WorkbenchDb,
  file: { name: string; size: number; chunks: AsyncIterable<Uint8Array> },
  options: Omit<ReaderOptions, 'fileName'> = {},
  control: ImportControl = { cancelled: false },
  onProgress?: (p: ImportProgress) => void,
  clock: Clock = systemClock,
  locks: RunLocks = defaultRunLocks(),
  extras: ImportExtras = {},
): Promise<ImportOutcome> {
  return importRecords(db, file, readerSource(file, options, control), control, onProgress, clock, locks, extras);
}

/**
 * The records of `file` read in a read worker (readAhead.ts): read there while the batch before
 * them is classified and written here; read here, as readerSource does, where `startWorker` gives
 * none. The worker starts when the first batch is asked for and ends with the reading, so an import
 * that fails before it reads (a full disk at its start) leaves no worker behind. `keep` is handed
 * every batch read, to read the file once for two passes (heldRead.ts). `deferValues`: order values
 * stay columns until needed (receivedBatch), for importRecords only.
 */
export function blobSource(
  file: Blob & { name: string },
  startWorker: () => ReadWorker | null,
  options: Omit<ReaderOptions, 'fileName'>,
  control: ImportControl,
  keep?: BatchKeeper,
  deferValues = false,
): RecordSource {
  let source: RecordSource | null = null;
  const open = (): RecordSource => {
    const worker = startWorker();
    source = worker
      ? readAheadSource(worker, file, options, control, keep?.keep, deferValues)
      : readerSource({ name: file.name, chunks: coalescedChunks(file) }, options, control, keep);
    return source;
  };
  async function* batches(): AsyncGenerator<ParsedBatch> {
    yield* (source ?? open()).batches;
  }
  return {
    batches: batches(),
    info: () => source?.info() ?? nothingRead(file.name, options),
    orderSource: () => source?.orderSource(),
    cancelled: () => source?.cancelled() ?? false,
  };
}

/** Classifies and writes the records of `source` as one import, under this tab's run lock. */
export async function importRecords(
  db: WorkbenchDb,
  file: { name: string; size: number },
  source: RecordSource,
  control: ImportControl = { cancelled: false },
  onProgress?: (p: ImportProgress) => void,
  clock: Clock = systemClock,
  locks: RunLocks = defaultRunLocks(),
  extras: ImportExtras = {},
): Promise<ImportOutcome> {
  // The lock is this tab's claim on the import: held before its record says "running" and
  // until the record says how it ended, so another tab never takes it for a crashed one.
  const runLock = newRunLockName();
  // One import writes at a time, in any tab: each classifies against the cache the one before left.
  const waiting = () => onProgress?.({ stage: 'waiting', rows: 0, bytes: 0, totalBytes: file.size, created: 0, updated: 0, unchanged: 0, quarantined: 0 });
  return locks.queue(IMPORTS_WRITING, () => locks.hold(runLock, () => run(db, file, source, control, onProgress, clock, runLock, extras)), waiting);
}

async function run(
  db: WorkbenchDb,
  file: { name: string; size: number },
  source: RecordSource,
  control: ImportControl,
  onProgress: ((p: ImportProgress) => void) | undefined,
  clock: Clock,
  runLock: string,
  extras: ImportExtras,
): Promise<ImportOutcome> {
  const stages = extras.stageMs;
  const now = () => globalThis.performance.now();
  let mark = now();
  const lap = (stage: Exclude<keyof ImportStageMs, 'batches' | 'ordersFromColumns'>) => {
    if (!stages) return;
    const t = now();
    stages[stage] += t - mark;
    mark = t;
  };
  const writer = await ImportWriter.start(db, file, clock, runLock, extras.teamOpId);
  lap('start');
  const session = new ImportSession(file.name);
  const problems = new ProblemList();
  // What the committed batches hold. Rows the reader still holds (warm-up, an order whose
  // next rows may follow) and a batch whose transaction aborted are not in it.
  const copy = (c: ImportCounts): ImportCounts => structuredClone(c);
  let committed = { counts: copy(session.counts), enriched: 0, changed: {} as Record<string, number>, review: { ...writer.review }, misfits: noMisfits() };
  const placed = (c: ImportCounts) => c.rows.created + c.rows.updated + c.rows.unchanged + c.rows.quarantined;

  const step = async (batch: ParsedBatch) => {
    lap('read');
    writer.orderSource = source.orderSource() ?? writer.orderSource;
    await writer.prefetch(batch);
    lap('prefetch');
    const classified = session.classify(batch, writer.known);
    lap('classify');
    // New orders whose values came as columns are stored from them; any other batch reads its values.
    const newOrders = newOrdersInColumns(batch, classified);
    if (!newOrders) materialiseOrders(batch.deferred);
    await writer.write(classified, { rows: placed(session.counts), counts: session.counts }, newOrders);
    lap('write');
    problems.add(classified.quarantined);
    committed = {
      counts: copy(session.counts),
      enriched: writer.enrichedOrders,
      changed: { ...writer.changedFields },
      review: { ...writer.review },
      misfits: { ...writer.misfits },
    };
    // The team's copy of the batch holds what was written: an erased customer stays erased there too.
    if (extras.afterBatch) {
      materialiseOrders(batch.deferred);
      await extras.afterBatch(writer.register ? writer.register.scrubbed(batch, writer.orderSource) : batch);
    }
    lap('afterBatch');
    if (stages) {
      stages.batches++;
      stages.ordersFromColumns = writer.ordersFromColumns;
    }
    const c = session.counts.rows;
    onProgress?.({
      rows: batch.rowsRead,
      bytes: batch.bytesRead,
      totalBytes: file.size,
      created: c.created,
      updated: c.updated,
      unchanged: c.unchanged,
      quarantined: c.quarantined,
    });
  };

  let status: ImportOutcome['status'] = 'completed';
  let error: string | undefined;
  try {
    for await (const batch of source.batches) await step(batch);
    if (source.cancelled()) status = 'cancelled';
  } catch (e) {
    const full = isDiskFull(e);
    status = full ? 'interrupted' : 'failed';
    error = full ? diskFullMessage({ kind: 'import', file: file.name, rowsStored: placed(committed.counts) }) : (e as Error).message;
  }
  // A finished import read every row; one cut short reports only what it committed.
  const counts = status === 'completed' ? session.counts : committed.counts;
  const enrichedOrders = status === 'completed' ? writer.enrichedOrders : committed.enriched;
  const changedFields = status === 'completed' ? { ...writer.changedFields } : committed.changed;
  const review = status === 'completed' ? { ...writer.review } : committed.review;
  const misfits = status === 'completed' ? { ...writer.misfits } : committed.misfits;
  const misfitPayments = PAYMENT_MISFITS.some((k) => misfits[k] > 0) ? { counts: misfits, shopAsked: !writer.shopAssumed } : undefined;
  const read = { ...summarise(source.info(), counts, problems), ...source.facts?.() };
  // Orders and payments of erased customers were written without their personal data: the summary says so.
  const erased = writer.register?.message();
  if (erased) read.warnings = [...read.warnings, { level: 'warning', code: 'erased-again', message: erased }];
  // A file no format reads (or that is not the chosen one) was not imported: it says so.
  if (status === 'completed' && read.errors.length > 0 && placed(counts) === 0) status = 'failed';
  const summary = status === 'completed' ? read : { ...read, rows: placed(counts) };
  try {
    await finish(writer, status, summary, enrichedOrders, changedFields, misfitPayments, error);
  } catch (e) {
    // No room even for the closing record: it stays "running" until this run's lock goes,
    // and the history then shows it interrupted, which is what the analyst is told.
    if (!isDiskFull(e)) throw e;
    if (status !== 'interrupted') {
      status = 'interrupted';
      error = diskFullMessage({ kind: 'import', file: file.name, rowsStored: placed(counts) });
    }
  }
  return {
    importId: writer.importId,
    enrichedOrders,
    changedFields,
    review,
    status,
    summary,
    ...(misfitPayments ? { misfitPayments } : {}),
    ...(error ? { error } : {}),
  };
}

function finish(
  writer: ImportWriter,
  status: ImportOutcome['status'],
  summary: FileSummary,
  enrichedOrders: number,
  changedFields: Record<string, number>,
  misfitPayments: ImportOutcome['misfitPayments'],
  error: string | undefined,
): Promise<void> {
  return writer.finish({
    status,
    fileHash: summary.fileHash,
    format: summary.format,
    formatLabel: summary.formatLabel,
    rows: summary.rows,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    quarantined: summary.quarantined,
    // As the card says them: a warning met on several rows says how many.
    warnings: summary.warnings.map((w) => (w.count !== undefined && w.count > 1 ? `${w.message} (${w.count} times)` : w.message)),
    errors: [...summary.errors.map((e) => e.message), ...(error ? [error] : [])],
    enrichedOrders,
    ...(Object.keys(changedFields).length > 0 ? { changedFields } : {}),
    ...(misfitPayments ? { misfitPayments } : {}),
    ...(summary.headerLine !== null && summary.delimiter !== null
      ? { readAs: { encoding: summary.encoding, delimiter: summary.delimiter, headerLine: summary.headerLine, cardColumns: summary.cardColumns } }
      : {}),
  });
}
