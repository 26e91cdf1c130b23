// The live-orders digest: equal holdings compare the same; a small difference is counted in
// orders and listed entry by entry, exactly; a large one is "too many", never a wrong number;
// a malformed or altered digest is an error value or "too many", never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyrb53 } from '../../../shared/ingest/contentHash';
import {
  buildLiveDigest,
  compareLiveDigests,
  DEFAULT_CELLS,
  entryIdOf,
  IMPORT_OP_LIMITS,
  keyIdOf,
  keyIdOfEntry,
  liveDigestSchema,
  parseLiveDigest,
  type DigestComparison,
  type LiveOrderEntry,
} from '../../../shared/team';

const keyOf = (i: number) => (i % 3 === 0 ? `shopify@outlet:#${1000 + i}` : `shopify:#${1000 + i}`);
const stampOf = (i: number, version = 0) => `order/3f9a12bc45de\u0000${cyrb53(`${i}/${version}`).toString(16).padStart(16, '0')}`;
const entry = (i: number, version = 0): LiveOrderEntry => ({ key: keyOf(i), stamp: stampOf(i, version) });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const ids = (entries: readonly LiveOrderEntry[]) => entries.map((e) => entryIdOf(e.key, e.stamp)).sort((a, b) => a - b);

function compared(mine: readonly LiveOrderEntry[], theirs: readonly LiveOrderEntry[]): DigestComparison {
  const c = compareLiveDigests(buildLiveDigest(mine), buildLiveDigest(theirs));
  if ('error' in c) throw new Error(c.error);
  return c;
}

describe('live-orders digest', () => {
  it('equal holdings are the same, whatever their order', () => {
    const entries = range(0, 2000).map((i) => entry(i));
    const shuffled = [...entries].reverse();
    expect(buildLiveDigest(shuffled)).toEqual(buildLiveDigest(entries));
    expect(compared(entries, shuffled)).toEqual({ same: true, ordersDiffer: 0, mineOnly: [], theirsOnly: [] });
    expect(compared([], [])).toEqual({ same: true, ordersDiffer: 0, mineOnly: [], theirsOnly: [] });
  });

  it('fits the protocol: well under the digest limit, and its schema reads it', () => {
    const digest = buildLiveDigest(range(0, 100).map((i) => entry(i)));
    expect(digest.orders).toBe(100);
    expect(digest.cells.length).toBe(87_388);
    expect(digest.cells.length).toBeLessThan(IMPORT_OP_LIMITS.maxDigestChars / 2);
    expect(liveDigestSchema.parse(digest)).toEqual(digest);
  });

  it('an order both hold in different versions is one order, with an entry on each side', () => {
    const theirs = range(0, 500).map((i) => entry(i));
    const mine = [...theirs.slice(0, 499), entry(499, 1), entry(500)];
    const c = compared(mine, theirs);
    expect(c.same).toBe(false);
    expect(c.ordersDiffer).toBe(2);
    expect(c.mineOnly.sort((a, b) => a - b)).toEqual(ids([entry(499, 1), entry(500)]));
    expect(c.theirsOnly).toEqual(ids([entry(499)]));
    expect(keyIdOfEntry(c.theirsOnly[0]!)).toBe(keyIdOf(keyOf(499)));
  });

  it('counts and lists any difference of up to 200 entries exactly', () => {
    const fate = fc.constantFrom('mine' as const, 'theirs' as const, 'changed' as const);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 1199 }), fate), { maxLength: 100, selector: ([i]) => i }), (changes) => {
        const fates = new Map(changes);
        const mine: LiveOrderEntry[] = [];
        const theirs: LiveOrderEntry[] = [];
        // Keys 0..999 are held by both unless changed; 1000..1199 by nobody unless added.
        for (const i of range(0, 1200)) {
          const f = fates.get(i);
          if (f === undefined && i >= 1000) continue;
          if (f !== 'theirs') mine.push(entry(i, f === 'changed' ? 1 : 0));
          if (f !== 'mine') theirs.push(entry(i));
        }
        const mineOnly = changes.filter(([, f]) => f !== 'theirs').map(([i, f]) => entry(i, f === 'changed' ? 1 : 0));
        const theirsOnly = changes.filter(([, f]) => f !== 'mine').map(([i]) => entry(i));
        const c = compared(mine, theirs);
        expect(c.same).toBe(changes.length === 0);
        expect(c.ordersDiffer).toBe(changes.length);
        expect(c.mineOnly.sort((a, b) => a - b)).toEqual(ids(mineOnly));
        expect(c.theirsOnly.sort((a, b) => a - b)).toEqual(ids(theirsOnly));
      }),
      { numRuns: 150 },
    );
  });

  it('a difference too large to list is "too many", never a number', () => {
    const shared = range(0, 1000).map((i) => entry(i));
    const c = compared([...shared, ...range(1000, 26_000).map((i) => entry(i))], [...shared, ...range(26_000, 51_000).map((i) => entry(i))]);
    expect(c).toEqual({ same: false, ordersDiffer: null, mineOnly: [], theirsOnly: [] });
    expect(
      compared(
        range(0, 50_000).map((i) => entry(i)),
        [],
      ).ordersDiffer,
    ).toBeNull();
  });

  it('a digest altered in transit is never read as a small difference', () => {
    const mine = buildLiveDigest(range(0, 3000).map((i) => entry(i)));
    const bytes = Uint8Array.from(atob(mine.cells), (ch) => ch.charCodeAt(0));
    // One bit of one cell's id flipped: the counts still add up, the cells no longer peel.
    const cell = 4 + 16 * 100;
    expect(new DataView(bytes.buffer).getInt32(cell, true)).toBeGreaterThan(0);
    bytes[cell + 5]! ^= 0x10;
    const tampered = { orders: mine.orders, cells: btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')) };
    expect(compareLiveDigests(mine, tampered)).toEqual({ same: false, ordersDiffer: null, mineOnly: [], theirsOnly: [] });
  });

  it('a malformed digest is an error value', () => {
    const good = buildLiveDigest(range(0, 10).map((i) => entry(i)));
    const small = buildLiveDigest(
      range(0, 10).map((i) => entry(i)),
      1024,
    );
    const bytes = Uint8Array.from(atob(good.cells), (ch) => ch.charCodeAt(0));
    const b64 = (b: Uint8Array) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
    const negative = bytes.slice();
    new DataView(negative.buffer).setInt32(4, -1, true);
    const cases: [string, { orders: number; cells: string }, RegExp][] = [
      ['bad base64', { orders: 10, cells: 'not base64!' }, /not base64/],
      ['cut short', { orders: 10, cells: good.cells.slice(0, 1000) }, /not a whole number of sub-tables/],
      ['padded wrongly', { orders: 10, cells: good.cells.slice(0, -1) }, /not base64/],
      ['empty', { orders: 0, cells: '' }, /not a live-orders digest/],
      ['another layout', { orders: 10, cells: b64(Uint8Array.of(0x49, 0x42, 2, 4, ...bytes.subarray(4))) }, /not a live-orders digest of this version/],
      ['wrong count', { orders: 11, cells: good.cells }, /counts 10 orders, the digest says 11/],
      ['negative count', { orders: 10, cells: b64(negative) }, /counts -1 orders/],
      ['not whole', { orders: 1.5, cells: good.cells }, /not a whole number/],
    ];
    for (const [what, digest, error] of cases) {
      const parsed = parseLiveDigest(digest);
      expect('error' in parsed && parsed.error, what).toMatch(error);
      const c = compareLiveDigests(good, digest);
      expect('error' in c && c.error, what).toMatch(/^the other digest: /);
    }
    expect(compareLiveDigests({ orders: 0, cells: '' }, good)).toEqual({ error: "this laptop's digest: not a live-orders digest of this version" });
    expect(compareLiveDigests(good, small)).toEqual({ error: 'digests of 4096 and 1024 cells cannot be compared' });
    expect(() => buildLiveDigest([], 1001)).toThrow(RangeError);
    expect(DEFAULT_CELLS).toBe(4096);
  });

  it('entry ids are cyrb53 of the key and of key and stamp, so any laptop can name its own', () => {
    for (const [key, stamp] of [
      ['shopify:#1001', 'order/3f9a12bc45de\u0000aaaabbbbccccdddd'],
      ['shopify@outlet:#1001', ''],
      ['amazon-all-orders:302-1234567-1234567', 'order/000000000000\u0000ffffffffffffffff'],
    ] as const) {
      const hi = cyrb53(key) % 2 ** 32;
      const lo = cyrb53(`${key}\u0000${stamp}`) % 2 ** 32;
      expect(keyIdOf(key)).toBe(hi);
      expect(entryIdOf(key, stamp)).toBe(hi * 2 ** 21 + Math.floor(lo / 2 ** 11));
      expect(keyIdOfEntry(entryIdOf(key, stamp))).toBe(hi);
      expect(Number.isSafeInteger(entryIdOf(key, stamp))).toBe(true);
    }
  });
});
