// A chunk's check before the server stores it: inflated in 1 MiB steps (not zlib's 16 KiB), it is
// still taken whole when it spans many steps, and the raw limit still refuses what inflates past it.
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkChunk, INFLATE_STEP_BYTES } from '../../server/imports/chunkCheck';
import { encodeChunk, redactedLine, splitLine } from '../../shared/team';
import { shopifyRecords } from './teamImports';

const sha = (b: Buffer) => ({ hash: createHash('sha256').update(b).digest('hex'), scheme: 1 as const });
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
    expect(await checkChunk(bomb, { hash: 'a'.repeat(64), scheme: 1 }, 64 * 1024, 0)).toMatchObject({ status: 413, body: { code: 'chunk-too-large' } });
  });

  it('checks a scheme-2 chunk by its leaves, and refuses one sent redacted or that is not its declaration', async () => {
    const records = shopifyRecords(3, 'chunk-check');
    const sent = await encodeChunk(records);
    expect(sent.scheme).toBe(2);
    const gzip = Buffer.from(sent.gzip);
    expect(await checkChunk(gzip, sent, 64 * 1024 * 1024, 0)).toEqual({ rawBytes: sent.rawBytes });
    // Its bytes' SHA-256 is not its hash: declared as scheme 1 it is refused.
    expect(await checkChunk(gzip, { ...sent, scheme: 1 }, 64 * 1024 * 1024, 0)).toMatchObject({ status: 400, body: { code: 'chunk-hash-mismatch' } });
    const other = await encodeChunk(records);
    expect(await checkChunk(Buffer.from(other.gzip), sent, 64 * 1024 * 1024, 0)).toMatchObject({ status: 400, body: { code: 'chunk-hash-mismatch' } });
    // Redacted by its author: the hash holds, but only an erasure at the server redacts.
    const lines = gunzipSync(gzip).toString('utf8').slice(0, -1).split('\n');
    const first = splitLine(JSON.parse(lines[0]!));
    if (typeof first === 'string' || first.mark) throw new Error('the line as sent has its salt');
    lines[0] = JSON.stringify(redactedLine(first, randomUUID()));
    const redacted = gzipSync(lines.join('\n') + '\n');
    expect(await checkChunk(redacted, sent, 64 * 1024 * 1024, 0)).toMatchObject({ status: 400, body: { code: 'malformed-records' } });
  });
});
