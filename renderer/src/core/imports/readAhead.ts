// Reading a file in a worker of its own: the read worker turns bytes into records (decode, split,
// normalise, card screen) while the import worker hashes the orders, classifies and writes the
// batch before, so the two halves of an import run on two cores instead of one after the other.
//
// Batches cross as columns (columnarBatch.ts): cloned as objects they cost both threads more than
// the reading they hand over.
//
// The read side runs ahead by at most READ_AHEAD batches (runAhead.ts): it waits for the import side
// to take one before reading the next, so a slow disk write never lets parsed records pile up.
import { BatchPacker, unpackBatch, unpackBatchDeferred, type ColumnarBatch } from '../../../../shared/ingest/columnarBatch';
import { ExportReader, fillOrderHashes, type ParsedBatch, type ReaderInfo, type ReaderOptions } from '../../../../shared/ingest/reader';
import { RUN_AHEAD, serveAhead, takeAhead, type AheadWorker, type Endpoint, type FailedMessage, type TakenMessage } from '../workers/runAhead';
import { coalescedChunks } from './fileChunks';
import type { KeepBatch } from './heldRead';
import type { ImportControl, RecordSource } from './importRunner';

export type { Endpoint, TakenMessage };

/** Batches read but not yet taken by the import side. */
export const READ_AHEAD = RUN_AHEAD;

/** Bytes of a chunk the reader takes at once (serveRead). */
export const READ_PART = 256 * 1024;

export interface ReadRequest {
  file: Blob;
  name: string;
  options: Omit<ReaderOptions, 'fileName'>;
}

/** What the read side says: a batch with what was read so far (the last one after the file's end), or why it stopped. */
export type ReadMessage = { type: 'batch'; batch: ColumnarBatch; info: ReaderInfo; last: boolean } | FailedMessage;

/** The read worker's side: reads `request.file` to its end, posting each batch, READ_AHEAD at most untaken. */
export async function serveRead(
  request: ReadRequest,
  port: Endpoint<TakenMessage, ReadMessage>,
  chunks: (file: Blob) => AsyncIterable<Uint8Array> = coalescedChunks,
  part = READ_PART,
): Promise<void> {
  return serveAhead(port, async (send) => {
    // The read side is the import's slowest thread: the import side hashes the orders (readAheadSource).
    const reader = new ExportReader({ ...request.options, fileName: request.name, orderHashesLater: true });
    const packer = new BatchPacker();
    let first = true;
    for await (const chunk of chunks(request.file)) {
      // A chunk read in parts, each part's records packed before the next is read: few records
      // then outlive a young-generation collection. The 1M bench file's read worker took 6.8-7.1 s
      // of CPU reading 4 MiB at once and 6.2-6.4 s in parts of 256 KiB (1 MiB and 512 KiB saved
      // less, 128 KiB no more). The batch stays the chunk's: one transaction per 4 MiB. The first
      // chunk is read whole: the reader guesses encoding and layout from what its first push
      // holds, and sees what reading in the import worker shows it.
      const step = first ? chunk.length : part;
      first = false;
      for (let at = 0; at < chunk.length; at += step) packer.add(reader.push(chunk.subarray(at, at + step)));
      await send({ type: 'batch', batch: packer.take(), info: reader.info(), last: false });
    }
    packer.add(reader.end());
    await send({ type: 'batch', batch: packer.take(), info: reader.info(), last: true });
  });
}

/**
 * A batch as the read side posted it, as the import takes it: records again, orders hashed. With
 * `deferValues`, order values that came as columns stay columns (unpackBatchDeferred) for an
 * import that stores new orders from them; everything else gets its values.
 */
export function receivedBatch(batch: ColumnarBatch, deferValues = false): ParsedBatch {
  const parsed = deferValues ? unpackBatchDeferred(batch) : unpackBatch(batch);
  fillOrderHashes(parsed);
  return parsed;
}

/** What a file's reading says before any batch: its name and options, nothing read yet. */
export function nothingRead(fileName: string, options: Omit<ReaderOptions, 'fileName'>): ReaderInfo {
  return new ExportReader({ ...options, fileName }).info();
}

/** A worker that reads one file (read.worker.ts), as the import side starts and stops it. */
export type ReadWorker = AheadWorker<ReadMessage, ReadRequest | TakenMessage>;

/** Why an import stops when its read worker fails outside a read (a packaging or memory fault). */
export const READ_WORKER_FAILED = 'The import could not read the file: its read worker stopped';

/**
 * The records of a file read in `worker`, batch by batch as readerSource gives them: the same
 * batches and info, a cancel seen after each batch. `keep` is handed each batch as it crossed. The worker is ended when reading ends, fails,
 * is cancelled or the import stops taking batches (a failed write).
 */
export function readAheadSource(
  worker: ReadWorker,
  file: Blob & { name: string },
  options: Omit<ReaderOptions, 'fileName'>,
  control: ImportControl,
  keep?: KeepBatch,
  deferValues = false,
): RecordSource {
  let info: ReaderInfo | null = null;
  let cut = false;
  async function* batches(): AsyncGenerator<ParsedBatch> {
    // A worker that fails outside a read fails the import with a reason.
    for await (const message of takeAhead(worker, { file, name: file.name, options }, READ_WORKER_FAILED)) {
      info = message.info;
      keep?.(message.batch, message.info, message.last);
      yield receivedBatch(message.batch, deferValues);
      if (message.last) return;
      if (control.cancelled) {
        cut = true;
        return;
      }
    }
  }
  return {
    batches: batches(),
    info: () => info ?? nothingRead(file.name, options),
    orderSource: () => info?.preset?.options.orderSource,
    cancelled: () => cut,
  };
}
