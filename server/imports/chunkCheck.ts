// A chunk of a team import checked before it is stored: it must be gzip, stay under the raw limit
// once decompressed (a small body that inflates without end is refused), and hash to its declared SHA-256.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { refusal, type Refusal } from '../http/refusal';

const inflate = promisify(gunzip);

/** The chunk's size once decompressed, or why it is refused. Decompression runs off the event loop. */
export async function checkChunk(gzipBytes: Buffer, expectedHash: string, maxRawBytes: number, n: number): Promise<{ rawBytes: number } | Refusal> {
  let raw: Buffer;
  try {
    raw = await inflate(gzipBytes, { maxOutputLength: maxRawBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return refusal(413, 'chunk-too-large', `chunk ${n} decompresses to more than ${maxRawBytes} bytes: send fewer records per chunk`);
    return refusal(400, 'not-gzip', `chunk ${n} is not gzip data (${(err as Error).message}): send each chunk gzip-compressed`);
  }
  const hash = createHash('sha256').update(raw).digest('hex');
  if (hash !== expectedHash)
    return refusal(400, 'chunk-hash-mismatch', `chunk ${n} does not match its declared SHA-256: nothing was stored, send the chunk again`);
  return { rawBytes: raw.length };
}
