// A chunk of a team import checked before it is stored: it must be gzip, stay under the raw limit
// once decompressed (a small body that inflates without end is refused), hash to its declared
// hash under its operation's scheme, and hold records every laptop will read (the schema they
// parse pulled chunks with).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parseChunkLines, TeamChunkError, type ChunkHash } from '../../shared/team';
import { refusal, type Refusal } from '../http/refusal';

const inflate = promisify(gunzip);

/**
 * Output is taken 1 MiB at a time: zlib's default 16 KiB makes a 4 MiB chunk (the bench's 5,000
 * orders) some 260 trips between the thread pool and the event loop, 18.5 ms to inflate it
 * against 6.8 ms. The raw limit holds to within one step.
 */
export const INFLATE_STEP_BYTES = 1024 * 1024;

/** A stored chunk's bytes decompressed, within the raw limit (an erasure reads them again to redact them). */
export function inflateChunk(gzipBytes: Buffer, maxRawBytes: number): Promise<Buffer> {
  return inflate(gzipBytes, { maxOutputLength: maxRawBytes, chunkSize: INFLATE_STEP_BYTES });
}

/** The chunk's size once decompressed, or why it is refused. Decompression runs off the event loop. */
export async function checkChunk(gzipBytes: Buffer, expected: ChunkHash, maxRawBytes: number, n: number): Promise<{ rawBytes: number } | Refusal> {
  let raw: Buffer;
  try {
    raw = await inflateChunk(gzipBytes, maxRawBytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return refusal(413, 'chunk-too-large', `chunk ${n} decompresses to more than ${maxRawBytes} bytes: send fewer records per chunk`);
    return refusal(400, 'not-gzip', `chunk ${n} is not gzip data (${(err as Error).message}): send each chunk gzip-compressed`);
  }
  const mismatch = () => refusal(400, 'chunk-hash-mismatch', `chunk ${n} does not match its declared SHA-256: nothing was stored, send the chunk again`);
  if (expected.scheme === 1 && createHash('sha256').update(raw).digest('hex') !== expected.hash) return mismatch();
  // Ordered, an operation stands in every laptop's order: one they would all refuse would stop them all there.
  let lines;
  try {
    lines = parseChunkLines(raw, expected.scheme, { file: 'the import', chunk: n });
  } catch (err) {
    if (!(err instanceof TeamChunkError)) throw err;
    return refusal(400, 'malformed-records', `${err.message}: a laptop could not apply this import, so it is not kept`);
  }
  if (expected.scheme === 2 && lines.hash !== expected.hash) return mismatch();
  // Only an erasure here redacts a line: a chunk as its author sends it holds every record whole.
  if (lines.redacted > 0) return refusal(400, 'malformed-records', `chunk ${n} holds redacted lines: send the records as they were imported`);
  return { rawBytes: raw.length };
}
