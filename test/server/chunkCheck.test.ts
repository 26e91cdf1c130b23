// A chunk's check before the server stores it: inflated in 1 MiB steps (not zlib's 16 KiB), it is
// still taken whole when it spans many steps, and the raw limit still refuses what inflates past it.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkChunk, INFLATE_STEP_BYTES } from '../../server/imports/chunkCheck';
import { shopifyRecords } from './teamImports';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A chunk's NDJSON as a laptop sends it: `count` records the app's reader made. */
const ndjson = (count: number) =>
  Buffer.from(
    shopifyRecords(count, 'chunk-check')
      .map((r) => JSON.stringify(r) + '\n')
      .join(''),
  );

describe('checking a chunk before it is stored', () => {
  const raw = ndjson(5000);

  it('takes a chunk that inflates over several steps whole, and counts its raw bytes exactly', async () => {
    expect(raw.length).toBeGreaterThan(3 * INFLATE_STEP_BYTES);
    expect(await checkChunk(gzipSync(raw), sha(raw), 64 * 1024 * 1024, 0)).toEqual({ rawBytes: raw.length });
    const refused = await checkChunk(gzipSync(raw), sha(ndjson(10)), 64 * 1024 * 1024, 4);
    expect(refused).toMatchObject({ status: 400, body: { code: 'chunk-hash-mismatch' } });
  });

  it('holds the raw limit whether it is below one step or several steps up', async () => {
    expect(await checkChunk(gzipSync(raw), sha(raw), raw.length, 0)).toEqual({ rawBytes: raw.length });
    const over = await checkChunk(gzipSync(raw), sha(raw), raw.length - 1, 0);
    expect(over).toMatchObject({ status: 413, body: { code: 'chunk-too-large' } });
    const bomb = gzipSync(Buffer.alloc(8 * INFLATE_STEP_BYTES, 'x'));
    expect(await checkChunk(bomb, 'a'.repeat(64), 64 * 1024, 0)).toMatchObject({ status: 413, body: { code: 'chunk-too-large' } });
  });
});
