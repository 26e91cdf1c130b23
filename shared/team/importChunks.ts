// A team import's records on the wire: batches of parsed records as gzip NDJSON, each named by its
// hash (scheme 1: SHA-256 of its uncompressed bytes; scheme 2: of its lines' leaves, chunkLeaves.ts);
// a pulled chunk is inflated within bounds, hashed, then parsed, each redacted line checked against
// the erasures its reader holds.
import { sha256, sha256OfBytes } from '../decisions/chain';
import type { ParsedRecord } from '../ingest/records';
import type { Json } from './canonicalJson';
import {
  chunkHashOfLeaves,
  leafOfLine,
  LINE_SALT,
  NEW_CHUNK_SCHEME,
  newLineSalt,
  splitLine,
  type ChunkHash,
  type ChunkScheme,
  type RedactionMark,
} from './chunkLeaves';
import { erasureReach, type ErasedRecords } from './erasureReach';
import { IMPORT_OP_LIMITS, opDigestText } from './importOps';
import { parsedRecordSchema, recordProblem } from './importRecordSchema';

/** Where a chunk belongs: the operation's file name and the chunk's index in its `chunkHashes` (from 0). */
export interface ChunkPlace {
  file: string;
  chunk: number;
}

/** What a chunk may be; the protocol's limits unless a test needs smaller ones. */
export interface ChunkLimits {
  maxChunkBytes: number;
  maxChunkRawBytes: number;
  /** Top-level records in one chunk (their companions ride along). */
  maxRecords: number;
}

const PROTOCOL_LIMITS: ChunkLimits = {
  maxChunkBytes: IMPORT_OP_LIMITS.maxChunkBytes,
  maxChunkRawBytes: IMPORT_OP_LIMITS.maxChunkRawBytes,
  maxRecords: IMPORT_OP_LIMITS.recordsPerChunk,
};

/** A chunk that cannot be applied, with where it is: `orders.csv, chunk 3, line 17: cardBin: …` (chunks and lines count from 1). */
export class TeamChunkError extends Error {
  override readonly name = 'TeamChunkError';
  constructor(
    readonly file: string,
    /** Index in the operation's chunks, from 0. */
    readonly chunk: number,
    /** Line within the chunk, from 1; null when the chunk as a whole is wrong. */
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}, chunk ${chunk + 1}${line === null ? '' : `, line ${line}`}: ${reason}`);
  }
}

/**
 * Records in batches of `perChunk`, in order. An operation has at least one chunk (its
 * declaration names one hash or more), so no records make one empty chunk.
 */
export function splitIntoChunks(records: ParsedRecord[], perChunk: number = IMPORT_OP_LIMITS.recordsPerChunk): ParsedRecord[][] {
  if (!Number.isInteger(perChunk) || perChunk < 1) throw new RangeError(`records per chunk must be a whole number from 1, not ${perChunk}`);
  if (records.length === 0) return [[]];
  const chunks: ParsedRecord[][] = [];
  for (let i = 0; i < records.length; i += perChunk) chunks.push(records.slice(i, i + perChunk));
  return chunks;
}

/**
 * One chunk as sent: NDJSON (a record per line, each line ended by "\n") in UTF-8, gzip-compressed.
 * `hash` is the chunk's hash under `scheme` (new operations: scheme 2, each line salted). Throws
 * when a record or the chunk would break the protocol (the record schema, the limits), since every
 * teammate (or the server) would refuse it.
 */
export async function encodeChunk(
  records: readonly ParsedRecord[],
  options: Partial<ChunkLimits> & { scheme?: ChunkScheme } = {},
): Promise<{ gzip: Uint8Array; hash: string; scheme: ChunkScheme; rawBytes: number }> {
  const { scheme = NEW_CHUNK_SCHEME, ...limits } = options;
  const max = { ...PROTOCOL_LIMITS, ...limits };
  let text = '';
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    // Checked as a teammate will check it: the server orders an operation before anyone pulls
    // it, and one that every laptop refuses would stand in the team's order for good.
    const checked = parsedRecordSchema.safeParse(r);
    if (!checked.success) throw new RangeError(`record ${i + 1} of the chunk (line ${r.line} of the file): ${recordProblem(checked.error)}`);
    if (scheme === 1) {
      text += JSON.stringify(r) + '\n';
      continue;
    }
    const line = JSON.stringify({ ...r, [LINE_SALT]: newLineSalt() });
    // Hashed from the line as a teammate reads it back, so both sides hash the same values.
    const split = splitLine(JSON.parse(line));
    if (typeof split === 'string') throw new Error(`record ${i + 1} of the chunk: ${split}`);
    leaves.push(leafOfLine(split));
    text += line + '\n';
  }
  const raw = new TextEncoder().encode(text);
  if (raw.length > max.maxChunkRawBytes)
    throw new RangeError(`a chunk of ${raw.length} bytes is past the ${max.maxChunkRawBytes} a teammate accepts: use smaller chunks`);
  const hash = scheme === 1 ? await sha256OfBytes(raw) : chunkHashOfLeaves(leaves);
  const gzip = new Uint8Array(await new Response(streamOf(raw, raw.length).pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  if (gzip.length > max.maxChunkBytes)
    throw new RangeError(`a compressed chunk of ${gzip.length} bytes is past the server's ${max.maxChunkBytes}: use smaller chunks`);
  return { gzip, hash, scheme, rawBytes: raw.length };
}

/** A chunk's records, and how many of them the server redacted (an erasure took their personal values out). */
export interface ReadChunk {
  records: ParsedRecord[];
  redacted: number;
}

/** A redacted line of a chunk: where it is (from 1), its mark, and its record as it came (personal values blank). */
export interface RedactedLine {
  line: number;
  mark: RedactionMark;
  record: { [key: string]: Json };
}

/**
 * What a reader holds to judge a redacted line: the erasures on request it holds, looked up by
 * event id (what each one's register names; an id it does not hold is absent), and the order
 * source of the chunk's operation (a payment of an erased order is reached through it).
 */
export interface ErasuresHeld {
  orderSource: string;
  lookup(ids: readonly string[]): Promise<ReadonlyMap<string, ErasedRecords>>;
}

/** Reading a pulled chunk: smaller limits for a test, and the erasures a redacted line is judged by (none held: every redacted line is refused). */
export type ReadChunkOptions = Partial<ChunkLimits> & { erasures?: ErasuresHeld };

/**
 * A pulled chunk's records, or a TeamChunkError: inflated no further than `maxChunkRawBytes`,
 * checked against the operation's hash for it, then each line parsed as a record.
 */
export async function decodeChunk(gzip: Uint8Array, expected: ChunkHash, where: ChunkPlace, options: ReadChunkOptions = {}): Promise<ParsedRecord[]> {
  return (await readChunk(gzip, expected, where, options)).records;
}

/**
 * decodeChunk, also counting the records that come redacted (scheme 2 only). The hash proves only
 * that nothing but personal values went: a redacted line is taken only from an erasure the reader
 * holds whose register reaches the line's record, so a server cannot blank records on its own.
 */
export async function readChunk(gzip: Uint8Array, expected: ChunkHash, where: ChunkPlace, options: ReadChunkOptions = {}): Promise<ReadChunk> {
  const { erasures, ...limits } = options;
  const max = { ...PROTOCOL_LIMITS, ...limits };
  const fail = (reason: string, line: number | null = null) => new TeamChunkError(where.file, where.chunk, line, reason);
  if (gzip.length > max.maxChunkBytes) throw fail(`${gzip.length} bytes compressed, past the ${max.maxChunkBytes} a chunk may have`);
  let raw: Uint8Array<ArrayBuffer> | null;
  try {
    raw = await readAll(streamOf(gzip, INFLATE_SLICE).pipeThrough(new DecompressionStream('gzip')), max.maxChunkRawBytes);
  } catch {
    throw fail('not a gzip stream (damaged or cut short)');
  }
  if (raw === null) throw fail(`it inflates past ${max.maxChunkRawBytes} bytes, more than a chunk may hold`);
  const mismatch = () => fail("its content does not match the operation's hash for it");
  if (expected.scheme === 1) {
    if ((await sha256OfBytes(raw)) !== expected.hash) throw mismatch();
    return { records: parseChunkRecords(raw, where, limits), redacted: 0 };
  }
  const lines = parseChunkLines(raw, 2, where, limits);
  if (lines.hash !== expected.hash) throw mismatch();
  if (lines.marks.length) await checkRedactions(lines.marks, erasures, where);
  return { records: lines.records, redacted: lines.redacted };
}

/** Each redacted line must name an erasure the reader holds that reaches its record (or a companion), else the chunk is refused, naming the line. */
async function checkRedactions(marks: readonly RedactedLine[], erasures: ErasuresHeld | undefined, where: ChunkPlace): Promise<void> {
  const held = erasures ? await erasures.lookup([...new Set(marks.map((m) => m.mark.erasure))]) : new Map<string, ErasedRecords>();
  const reach = new Map([...held].map(([id, erased]) => [id, erasureReach(erased)]));
  const orderSource = erasures?.orderSource ?? '';
  for (const { line, mark, record } of marks) {
    const fail = (reason: string) => new TeamChunkError(where.file, where.chunk, line, `${reason}: not applied`);
    const erasure = reach.get(mark.erasure);
    if (!erasure) throw fail(`redacted under an erasure this laptop does not hold (${mark.erasure})`);
    if (!erasure.reaches(record, orderSource)) throw fail(`redacted under erasure ${mark.erasure}, which does not reach this record`);
  }
}

/**
 * The records of a chunk's decompressed bytes, each line parsed with the record schema, or a
 * TeamChunkError naming the line. The server runs it too before it keeps a chunk, so no operation
 * every laptop would refuse can take a place in the team's order.
 */
export function parseChunkRecords(raw: Uint8Array, where: ChunkPlace, limits: Partial<ChunkLimits> = {}): ParsedRecord[] {
  return parseChunkLines(raw, 1, where, limits).records;
}

/**
 * parseChunkRecords under a scheme: scheme 2 lines carry a salt or a redaction mark beside the
 * record, and `hash` is the chunk's scheme-2 hash from their leaves (null under scheme 1, which
 * hashes the bytes).
 */
export function parseChunkLines(
  raw: Uint8Array,
  scheme: ChunkScheme,
  where: ChunkPlace,
  limits: Partial<ChunkLimits> = {},
): ReadChunk & { hash: string | null; marks: RedactedLine[] } {
  const max = { ...PROTOCOL_LIMITS, ...limits };
  const fail = (reason: string, line: number | null = null) => new TeamChunkError(where.file, where.chunk, line, reason);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    throw fail('not UTF-8 text');
  }
  if (text === '') return { records: [], redacted: 0, marks: [], hash: scheme === 1 ? null : chunkHashOfLeaves([]) };
  if (!text.endsWith('\n')) throw fail('the last line is not ended', text.split('\n').length);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length > max.maxRecords) throw fail(`${lines.length} records, more than the ${max.maxRecords} a chunk may hold`);
  const records: ParsedRecord[] = [];
  const leaves: Uint8Array[] = [];
  const marks: RedactedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    let json: unknown;
    try {
      json = JSON.parse(lines[i]!);
    } catch {
      throw fail('not JSON', i + 1);
    }
    if (scheme === 2) {
      const split = splitLine(json);
      if (typeof split === 'string') throw fail(split, i + 1);
      json = split.record;
      // After the schema: a leaf is only taken of a record every laptop reads the same way.
      const parsed = parsedRecordSchema.safeParse(json);
      if (!parsed.success) throw fail(recordProblem(parsed.error), i + 1);
      leaves.push(leafOfLine(split));
      if (split.mark) marks.push({ line: i + 1, mark: split.mark, record: split.record });
      records.push(parsed.data);
      continue;
    }
    const parsed = parsedRecordSchema.safeParse(json);
    if (!parsed.success) throw fail(recordProblem(parsed.error), i + 1);
    records.push(parsed.data);
  }
  return { records, redacted: marks.length, marks, hash: scheme === 1 ? null : chunkHashOfLeaves(leaves) };
}

/** The operation's own digest, as its declaration carries it. */
export function opDigest(chunkHashes: readonly string[]): Promise<string> {
  return sha256(opDigestText(chunkHashes));
}

/**
 * Compressed input is fed in slices this small: an engine may inflate a whole input chunk before
 * it looks at backpressure, and gzip inflates at most about 1,032 times, so a slice can never
 * become more than about 4 MiB past the limit before the reader stops.
 */
const INFLATE_SLICE = 4096;

function streamOf(bytes: Uint8Array, slice: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(at, at + slice));
        at += slice;
      },
    },
    { highWaterMark: 0 },
  );
}

/** A stream's bytes in one array, or null (the stream cancelled) once they pass `limit`. */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
