// A team operation's records as an import's record source: its chunks in order, each checked
// against the hash its declaration names and parsed (the server is not trusted), one batch each.
import { countOf } from '../../../../shared/domain/money';
import { readChunk, type ErasedRecords, type ErasuresHeld } from '../../../../shared/team';
import type { ParsedBatch, ReaderInfo } from '../../../../shared/ingest/reader';
import type { RecordSource } from '../imports/importRunner';
import { carriedPart } from '../privacy/teamErasure';
import type { TeamOpRecord, WorkbenchDb } from '../storage/schema';

export function teamOpSource(db: WorkbenchDb, op: TeamOpRecord): RecordSource {
  let rows = 0;
  let bytes = 0;
  /** Records an erasure took the personal data out of at the server (they come with it blank). */
  let redacted = 0;
  async function* batches(): AsyncGenerator<ParsedBatch> {
    for (let n = 0; n < op.chunkHashes.length; n++) {
      const chunk = await db.teamOpChunks.get([op.opId, n]);
      if (!chunk) throw new Error(`${op.fileName}: chunk ${n + 1} of ${op.chunkHashes.length} has not arrived`);
      const { records, redacted: inChunk } = await readChunk(
        chunk.gzip,
        { hash: op.chunkHashes[n]!, scheme: op.chunkScheme ?? 1 },
        { file: op.fileName, chunk: n },
        { erasures: erasuresHeld(db, op.orderSource) },
      );
      redacted += inChunk;
      for (const r of records) rows += r.rows;
      bytes += chunk.gzip.length;
      yield { records, problems: [], rowsRead: rows, bytesRead: bytes };
    }
  }
  const info = (): ReaderInfo => ({
    file: op.fileName,
    preset: null,
    encoding: null,
    delimiter: null,
    headerLine: null,
    columns: [],
    rowsRead: rows,
    blankLines: 0,
    bytesRead: bytes,
    fileHash: op.fileHash,
    errors: [],
    // Shown in the import's summary; each came under an erasure this laptop holds (readChunk refuses any other).
    warnings: redacted
      ? [
          {
            level: 'warning',
            code: 'redacted-by-team',
            message: `${countOf(redacted, 'record')} came from the team without their personal data (erased on request)`,
          },
        ]
      : [],
    dateOrders: [],
    knownOutcomes: null,
    cardColumns: [],
  });
  return {
    batches: batches(),
    info,
    orderSource: () => op.orderSource,
    cancelled: () => false,
    facts: () => ({ format: op.format, formatLabel: op.formatLabel }),
  };
}

/**
 * The erasures on request this laptop holds, by event id: teammates' pulled and verified (the sync
 * pulls events before the team's imports, so a genuine redaction finds its erasure) and its own
 * (never pulled back). Only these may have redacted a line of a team import.
 */
function erasuresHeld(db: WorkbenchDb, orderSource: string): ErasuresHeld {
  return {
    orderSource,
    async lookup(ids) {
      const wanted = new Set(ids);
      const pulled = (await db.teamEvents.bulkGet([...wanted])).filter((e) => e !== undefined);
      const own = await db.teamOutbox.filter((e) => wanted.has(e.id)).toArray();
      const held = new Map<string, ErasedRecords>();
      for (const e of [...pulled, ...own]) {
        const carried = carriedPart(e);
        if (carried) held.set(e.id, carried.part);
      }
      return held;
    },
  };
}
