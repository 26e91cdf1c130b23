// A file read once for two passes. Before own-shop orders are written, the shop check reads the
// whole file (shopCheck.ts); the import then read it all again, doubling a re-import of a shop's
// export into a cache that holds orders. The batches the check reads are kept as they crossed
// from the read worker (columns: a 1M-row Shopify export is ~175 MiB) and the import takes them
// from memory. Past HOLD_BUDGET they are let go and the import reads the file as before.
import { packBatch, type ColumnarBatch, type PackedColumn } from '../../../../shared/ingest/columnarBatch';
import type { ParsedBatch, ReaderInfo } from '../../../../shared/ingest/reader';
import type { ImportControl, RecordSource } from './importRunner';
import { receivedBatch } from './readAhead';

/** Memory the held batches may take, by their estimated size. */
export const HOLD_BUDGET = 256 * 1024 * 1024;

/** What a source hands a holder with each batch: the batch as columns, what was read so far, whether it was the last. */
export type KeepBatch = (batch: ColumnarBatch, info: ReaderInfo, last: boolean) => void;

/** Rough bytes of a packed column in memory (text at two bytes a character, as V8 may hold it). */
export function packedBytes(column: PackedColumn): number {
  switch (column.type) {
    case 'same':
      return 2 * column.value.length + 16;
    case 'dictionary':
      return column.codes.byteLength + column.values.reduce((n, v) => n + 2 * v.length + 16, 0);
    case 'strings':
      return 2 * column.text.length + column.ends.byteLength;
    case 'numbers':
      return column.values.byteLength;
    case 'arrays':
      return column.instances.byteLength + column.ends.byteLength + packedBytes(column.items);
    case 'objects':
      return column.instances.byteLength + column.objects.shapeOf.byteLength + column.objects.columns.flat().reduce((n, c) => n + packedBytes(c), 0);
    case 'orders': {
      const v = column.values;
      const text = v.text.reduce((n, t) => n + 2 * t.length, 0);
      return (
        packedBytes({ type: 'objects', instances: new Uint32Array(0), objects: column.records }) +
        text +
        v.shapeOf.byteLength +
        v.createdAt.byteLength * 2 +
        v.count * 2
      );
    }
    case 'values':
      // Left to the clone: mixed or rare values (a record's list of lines, however long). Walked.
      return roughBytes(column.values);
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Arrays longer than this are counted by their length alone, their items taken for numbers. */
const WALKED_ARRAY = 1 << 20;

/**
 * Rough bytes of any cloneable value in memory: text at two bytes a character, 8 bytes a number or
 * a slot, 16 an object or string header, each object once. Errs high: holding less than the budget
 * allows only means a file is read again.
 */
export function roughBytes(root: unknown): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (typeof v !== 'object' || v === null) bytes += 8;
    else if (!seen.has(v)) {
      seen.add(v);
      if (ArrayBuffer.isView(v)) bytes += 16 + v.byteLength;
      else if (Array.isArray(v)) {
        bytes += 16 + 8 * v.length;
        if (v.length <= WALKED_ARRAY) for (const item of v as unknown[]) stack.push(item);
      } else {
        bytes += 16;
        for (const [key, item] of Object.entries(v)) {
          bytes += 16 + 2 * key.length;
          stack.push(item);
        }
      }
    }
  }
  return bytes;
}

/** A held batch's size: its records and set-aside rows, and its own copy of what was read so far (header names, messages, format). */
const batchBytes = (batch: ColumnarBatch, info: ReaderInfo): number =>
  batch.records.reduce((n, part) => n + packedBytes(part), 0) + roughBytes(batch.problems) + roughBytes(info);

/** Whoever keeps the batches a source reads: as they crossed from the read worker, or as read in this thread. */
export interface BatchKeeper {
  keep: KeepBatch;
  keepParsed(batch: ParsedBatch, info: ReaderInfo, last: boolean): void;
}

/** The batches of one read of a file, held while they fit the budget; a source over them once the read ended. */
export class HeldRead implements BatchKeeper {
  private held: { batch: ColumnarBatch; info: ReaderInfo }[] = [];
  private bytes = 0;
  private overBudget = false;
  private ended = false;

  constructor(private readonly budget = HOLD_BUDGET) {}

  /** Given to the source that reads the file (blobSource). */
  readonly keep: KeepBatch = (batch, info, last) => {
    if (this.overBudget) return;
    this.bytes += batchBytes(batch, info);
    if (this.bytes > this.budget) {
      this.overBudget = true;
      this.held = [];
      return;
    }
    this.held.push({ batch, info });
    if (last) this.ended = true;
  };

  /** Takes a parsed batch where no columns crossed a thread (the reader ran in this thread). */
  readonly keepParsed = (batch: ParsedBatch, info: ReaderInfo, last: boolean): void => {
    // A copy of what was read so far: the reader goes on counting in the objects it returned.
    if (!this.overBudget) this.keep(packBatch(batch), structuredClone(info), last);
  };

  /**
   * The held batches as the import's source, or null when the file must be read again: the read
   * stopped before the file's end (a cancel, or no check needed) or went past the budget. Once.
   * `deferValues`: see receivedBatch.
   */
  source(control: ImportControl, deferValues = false): RecordSource | null {
    const held = this.held;
    // Let go either way: batches that will not be imported are not kept while the file is read again.
    this.held = [];
    if (!this.ended || this.overBudget || held.length === 0) return null;
    let info = held[held.length - 1]!.info;
    let cut = false;
    async function* batches(): AsyncGenerator<ParsedBatch> {
      // Each batch is let go once taken.
      for (let next = held.shift(); next; next = held.shift()) {
        info = next.info;
        yield receivedBatch(next.batch, deferValues);
        if (control.cancelled && held.length > 0) {
          cut = true;
          return;
        }
      }
    }
    return {
      batches: batches(),
      info: () => info,
      orderSource: () => info.preset?.options.orderSource,
      cancelled: () => cut,
    };
  }
}
