// An erasure on request reaches the team's imports at the server: every stored chunk of a scheme-2
// operation holding one of the erased orders or payments (or a record carried with one) is written
// again with those lines redacted, in the erasure's transaction. The chunk's declared hash stays, so
// every laptop still verifies it (chunkLeaves.ts). Chunks of scheme-1 operations cannot be redacted
// without every laptop refusing them: they are left, and counted.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import {
  erasureReach,
  holdsPersonalData,
  IMPORT_OP_LIMITS,
  parseCasePayload,
  parseChunkLines,
  redactedLine,
  splitLine,
  type ErasedRecords,
  type ErasureReach,
  type Json,
} from '../../shared/team';
import { inflateChunk } from './chunkCheck';
import type { Db } from './importOpStore';

const gzip = promisify(gzipCallback);

/** Counts only: what was redacted, and what was left in chunks that cannot be. */
export interface ImportRedaction {
  erasureId: string;
  /** Lines redacted, in how many chunks. */
  records: number;
  chunks: number;
  /** Lines holding the person's data in chunks of scheme-1 operations, left as they are. */
  unredactableRecords: number;
  unredactableChunks: number;
}

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A chunk and what its operation says of it. */
interface ChunkOf {
  op_id: string;
  n: number;
  chunk_scheme: 1 | 2;
  order_source: string;
  hash: string;
}

/**
 * The chunk's NDJSON with the lines `match` reaches redacted by `erasureId` (scheme 2), and how many
 * lines hold the person's data (redacted now, or left under scheme 1). Other lines keep their bytes.
 */
function redactText(text: string, chunk: ChunkOf, match: ErasureReach, erasureId: string): { text: string; reached: number } {
  // Most chunks hold none of the person's keys: they are not split into lines at all.
  if (!match.mayReach(text)) return { text, reached: 0 };
  const lines = text.slice(0, -1).split('\n');
  let reached = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!match.mayReach(line)) continue;
    const json: unknown = JSON.parse(line);
    if (!isObject(json)) continue;
    if (chunk.chunk_scheme === 1) {
      if (match.reaches(json, chunk.order_source) && holdsPersonalData(json)) reached += 1;
      continue;
    }
    const split = splitLine(json);
    if (typeof split === 'string') throw new Error(`chunk ${chunk.n} of import ${chunk.op_id}: a stored line is not one (${split})`);
    // Redacted already (an earlier erasure of the same person), or nothing personal in it: it stays.
    if (split.mark || !match.reaches(split.record, chunk.order_source) || !holdsPersonalData(split.record)) continue;
    lines[i] = JSON.stringify(redactedLine(split, erasureId));
    reached += 1;
  }
  return { text: reached && chunk.chunk_scheme === 2 ? lines.join('\n') + '\n' : text, reached };
}

/** Checked as a laptop will check it: a chunk every laptop refused would stop the team's imports there. */
function assertStillVerifies(raw: Buffer, chunk: ChunkOf): void {
  const again = parseChunkLines(raw, 2, { file: `import ${chunk.op_id}`, chunk: chunk.n });
  if (again.hash !== chunk.hash) throw new Error(`chunk ${chunk.n} of import ${chunk.op_id} would no longer match its hash once redacted`);
}

/**
 * Redacts the erased person's lines in every stored chunk (ordered, undone or still uploading),
 * `erasureId` named in each redacted line. Runs under the push lock, as chunks arriving do
 * (storeArrivingChunk), so no chunk is stored between the two unredacted.
 */
export async function redactErasedRecords(db: Db, erased: ErasedRecords, erasureId: string): Promise<ImportRedaction> {
  const out: ImportRedaction = { erasureId, records: 0, chunks: 0, unredactableRecords: 0, unredactableChunks: 0 };
  if (erased.orderKeys.length === 0 && erased.payments.length === 0) return out;
  const match = erasureReach(erased);
  const stored = await db.query<ChunkOf>(
    `SELECT c.op_id::text, c.n, o.chunk_scheme, o.order_source, o.chunk_hashes[c.n + 1] AS hash
       FROM import_op_chunks c JOIN import_ops o ON o.op_id = c.op_id WHERE o.kind = 'import' ORDER BY c.op_id, c.n`,
  );
  for (const chunk of stored.rows) {
    // One chunk's bytes at a time: a team's imports may be far larger than the server's memory.
    const row = await db.query<{ bytes: Buffer }>('SELECT bytes FROM import_op_chunks WHERE op_id = $1 AND n = $2 FOR UPDATE', [chunk.op_id, chunk.n]);
    const bytes = row.rows[0]?.bytes;
    if (!bytes) continue;
    const raw = await inflateChunk(bytes, IMPORT_OP_LIMITS.maxChunkRawBytes);
    const { text, reached } = redactText(raw.toString('utf8'), chunk, match, erasureId);
    if (reached === 0) continue;
    if (chunk.chunk_scheme === 1) {
      out.unredactableRecords += reached;
      out.unredactableChunks += 1;
      continue;
    }
    const redacted = Buffer.from(text, 'utf8');
    assertStillVerifies(redacted, chunk);
    await db.query('UPDATE import_op_chunks SET bytes = $3, raw_bytes = $4 WHERE op_id = $1 AND n = $2', [
      chunk.op_id,
      chunk.n,
      await gzip(redacted),
      redacted.length,
    ]);
    out.records += reached;
    out.chunks += 1;
  }
  return out;
}

/** The erasures on request the server holds, oldest first, with what each names. */
async function erasuresHeld(db: Db): Promise<{ id: string; erased: ErasedRecords }[]> {
  const r = await db.query<{ id: string; payload: string }>("SELECT id::text, payload FROM events WHERE kind = 'erasure' ORDER BY server_seq");
  return r.rows.flatMap((row) => {
    const read = parseCasePayload({ kind: 'erasure', payload: JSON.parse(row.payload) });
    if (!read.ok || read.record.kind !== 'erasure' || read.record.payload.reason !== 'erasure' || !read.record.payload.register) return [];
    return [{ id: row.id, erased: read.record.payload.register }];
  });
}

/**
 * A checked chunk as it may be stored: a scheme-2 chunk from a laptop that had not pulled an
 * erasure yet comes without the erased people's data (each line redacted by the erasure that
 * reached it), so what an erasure took out never comes back through a later upload. Gzip'd again
 * only when a line was redacted; counts only, for the log.
 */
export async function redactArriving(db: Db, chunk: ChunkOf, gzipBytes: Buffer): Promise<{ gzipBytes: Buffer; rawBytes: number | null; records: number }> {
  if (chunk.chunk_scheme === 1) return { gzipBytes, rawBytes: null, records: 0 };
  let text: string | null = null;
  let records = 0;
  for (const erasure of await erasuresHeld(db)) {
    if (erasure.erased.orderKeys.length === 0 && erasure.erased.payments.length === 0) continue;
    text ??= (await inflateChunk(gzipBytes, IMPORT_OP_LIMITS.maxChunkRawBytes)).toString('utf8');
    const done = redactText(text, chunk, erasureReach(erasure.erased), erasure.id);
    text = done.text;
    records += done.reached;
  }
  if (records === 0 || text === null) return { gzipBytes, rawBytes: null, records: 0 };
  const redacted = Buffer.from(text, 'utf8');
  assertStillVerifies(redacted, chunk);
  return { gzipBytes: await gzip(redacted), rawBytes: redacted.length, records };
}
