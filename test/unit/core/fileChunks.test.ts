// A file reaches the reader as 4 MiB pieces read from slices of it: every byte once, in order.
import { describe, expect, it } from 'vitest';
import { coalescedChunks } from '../../../renderer/src/core/imports/fileChunks';

const MiB = 1024 * 1024;

async function pieces(blob: Blob): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of coalescedChunks(blob)) out.push(p);
  return out;
}

describe('a file in pieces', () => {
  it('hands out every byte once, in order, in pieces of 4 MiB and a last shorter one', async () => {
    const bytes = new Uint8Array(9 * MiB + 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 13)) & 0xff;
    const got = await pieces(new Blob([bytes]));
    expect(got.map((p) => p.length)).toEqual([4 * MiB, 4 * MiB, MiB + 3]);
    const joined = new Uint8Array(bytes.length);
    let at = 0;
    for (const p of got) {
      joined.set(p, at);
      at += p.length;
    }
    // Compared as bytes at once (a deep equal over 9 MiB takes minutes).
    expect(Buffer.from(joined).equals(Buffer.from(bytes))).toBe(true);
  });

  it('an empty file gives no piece, and a file of exactly 4 MiB one', async () => {
    expect(await pieces(new Blob([]))).toEqual([]);
    expect((await pieces(new Blob([new Uint8Array(4 * MiB)]))).map((p) => p.length)).toEqual([4 * MiB]);
  });
});
