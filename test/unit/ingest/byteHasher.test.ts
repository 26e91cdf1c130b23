// The file hash names a file in the import history and finds it again: reading words through a
// Uint32Array view must give the hash the byte-by-byte reading gave, however the file is chunked.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteHasher } from '../../../shared/ingest/contentHash';

/** The hash as it was first written: every word assembled from its four bytes. */
function byteWise(chunks: readonly Uint8Array[]): string {
  let h1 = 0x9e3779b9;
  let h2 = 0x85ebca6b;
  const all = chunks.flatMap((c) => [...c]);
  const words = all.length >>> 2;
  for (let k = 0; k < words * 4; k += 4) {
    const w = all[k]! | (all[k + 1]! << 8) | (all[k + 2]! << 16) | (all[k + 3]! << 24);
    h1 = Math.imul(h1 ^ w, 0x9e3779b1);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ w, 0x85ebca77);
    h2 = (h2 << 17) | (h2 >>> 15);
  }
  for (let k = words * 4; k < all.length; k++) {
    h1 = Math.imul(h1 ^ all[k]!, 0x9e3779b1);
    h2 = Math.imul(h2 ^ all[k]!, 0x85ebca77);
  }
  h1 ^= all.length >>> 0;
  h2 ^= Math.floor(all.length / 4294967296);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

describe('ByteHasher', () => {
  it('gives the byte-wise hash for any bytes, chunking and alignment of the chunks in their buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 70 }), fc.integer({ min: 0, max: 7 })), { maxLength: 12 }), (parts) => {
        // Each chunk sits at an offset 0-7 inside a larger buffer, as subarrays of a read stream do.
        const chunks = parts.map(([bytes, offset]) => {
          const buffer = new Uint8Array(offset + bytes.length + 3).fill(0xee);
          buffer.set(bytes, offset);
          return buffer.subarray(offset, offset + bytes.length);
        });
        const h = new ByteHasher();
        for (const c of chunks) h.push(c);
        expect(h.digest()).toBe(byteWise(chunks));
      }),
      { numRuns: 400 },
    );
  });

  it('tells apart files that differ in one byte or only in length', () => {
    const digest = (bytes: number[]) => {
      const h = new ByteHasher();
      h.push(Uint8Array.from(bytes));
      return h.digest();
    };
    expect(digest([1, 2, 3, 4, 5, 6, 7, 8])).not.toBe(digest([1, 2, 3, 4, 5, 6, 7, 9]));
    expect(digest([0, 0, 0, 0])).not.toBe(digest([0, 0, 0, 0, 0]));
    expect(digest([])).toBe(byteWise([]));
  });
});
