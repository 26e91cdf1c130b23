// A chunk of a team import checked before it is stored: it must be gzip, stay under the raw limit
// once decompressed (a small body that inflates without end is refused), hash to its declared
// SHA-256, and hold records every laptop will read (the schema they parse pulled chunks with).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { parseChunkRecords, TeamChunkError } from '../../shared/team';
import { refusal, type Refusal } from '../http/refusal';

const inflate = promisify(gunzip);

/**
 * Output is taken 1 MiB at a time: zlib's default 16 KiB makes a 4 MiB chunk (the bench's 5,000
 * orders) some 260 trips between the thread pool and the event loop, 18.5 ms to inflate it
 * against 6.8 ms. The raw limit holds to within one step.
 */
export const INFLATE_STEP_BYTES = 1024 * 1024;

/** The chunk's size once decompressed, or why it is refused. Decompression runs off the event loop. */
export async function checkChunk(gzipBytes: Buffer, expectedHash: string, maxRawBytes: number, n: number): Promise<{ rawBytes: number } | Refusal> {
  let raw: Buffer;
  try {
    raw = await inflate(gzipBytes, { maxOutputLength: maxRawBytes, chunkSize: INFLATE_STEP_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return refusal(413, 'chunk-too-large', `chunk ${n} decompresses to more than ${maxRawBytes} bytes: send fewer records per chunk`);
    return refusal(400, 'not-gzip', `chunk ${n} is not gzip data (${(err as Error).message}): send each chunk gzip-compressed`);
  }
  const hash = createHash('sha256').update(raw).digest('hex');
  if (hash !== expectedHash)
    return refusal(400, 'chunk-hash-mismatch', `chunk ${n} does not match its declared SHA-256: nothing was stored, send the chunk again`);
  // Ordered, an operation stands in every laptop's order: one they would all refuse would stop them all there.
  try {
    parseChunkRecords(raw, { file: 'the import', chunk: n });
  } catch (err) {
    if (!(err instanceof TeamChunkError)) throw err;
    return refusal(400, 'malformed-records', `${err.message}: a laptop could not apply this import, so it is not kept`);
  }
  return { rawBytes: raw.length };
}
