// A file reaches the reader as 4 MiB pieces read from slices of it: every byte once, in order.
import { describe, expect, it } from 'vitest';
import { coalescedChunks } from '../../../renderer/src/core/imports/fileChunks';

const MiB = 1024 * 1024;

async function pieces(blob: Blob, ahead?: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const p of coalescedChunks(blob, ahead)) out.push(p);
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

  it('reads the next pieces ahead while one is worked on, never more than it says', async () => {
    const bytes = new Uint8Array(6 * 4 * MiB + 5);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i >> 12) & 0xff;
    for (const ahead of [1, 3]) {
      // Slices read so far, counted as the file hands them out.
      const blob = new Blob([bytes]);
      const sliced: number[] = [];
      const slice = blob.slice.bind(blob);
      blob.slice = (start?: number, end?: number) => {
        sliced.push(start ?? 0);
        return slice(start, end);
      };
      const seen: number[] = [];
      const got: Uint8Array[] = [];
      for await (const p of coalescedChunks(blob, ahead)) {
        // While the caller holds piece k, pieces up to k + ahead have been asked for, none beyond.
        seen.push(sliced.length);
        got.push(p);
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => Math.min(7, k + ahead)));
      expect(got.map((p) => p.length)).toEqual([...new Array<number>(6).fill(4 * MiB), 5]);
      expect(Buffer.from(Buffer.concat(got)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
