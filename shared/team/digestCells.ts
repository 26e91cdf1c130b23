// The cells of a live-orders digest (an invertible Bloom lookup table): how an order's entry is
// hashed and where it lands, how cells are written as bytes and read back, and how a difference peels.
import { IMPORT_OP_LIMITS } from './importOps';

/** Sub-tables, one cell of each per entry: 4 peels more reliably than 3 at the loads a digest sees. */
export const DIGEST_HASHES = 4;
/** count (int32), the xor of entry ids (two 32-bit words), the xor of their check hashes. */
const CELL_BYTES = 16;
/** `I`, `B`, the layout's version, the number of hashes. */
const HEADER = [0x49, 0x42, 1, DIGEST_HASHES] as const;
/** The most cells a digest may have and still fit the protocol's text limit, in whole sub-tables. */
export const MAX_DIGEST_CELLS = Math.floor(((IMPORT_OP_LIMITS.maxDigestChars / 4) * 3 - HEADER.length) / CELL_BYTES / DIGEST_HASHES) * DIGEST_HASHES;

// Scratch for the entry being hashed: the 64-bit id as two 32-bit halves (no allocation per entry).
let entryHi = 0;
let entryLo = 0;

/**
 * An entry's 64-bit id: the high half hashes the order's key, the low half its key and stamp. Both
 * are cyrb53 (as contentHash.ts hashes records) fed the key, then U+0000 and the stamp, without
 * building the joined string: the high half is the low 32 bits of cyrb53(key), the low half those
 * of cyrb53(key + "\0" + stamp). The same key gives the same high half on every laptop, so a
 * difference can be told per order; a changed stamp changes the low half. Left in entryHi/entryLo.
 */
function hashEntry(key: string, stamp: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  entryHi = cyrb53Low(h1, h2);
  h1 = Math.imul(h1, 2654435761);
  h2 = Math.imul(h2, 1597334677);
  for (let i = 0; i < stamp.length; i++) {
    const ch = stamp.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  entryLo = cyrb53Low(h1, h2);
}

/**
 * An entry id as the comparison lists it: the 32-bit key half and the top 21 bits of the other
 * (a number holds 53 bits exactly). The digest itself keeps and compares all 64.
 */
export function entryIdOf(key: string, stamp: string): number {
  hashEntry(key, stamp);
  return idNumber(entryHi, entryLo);
}

/** The key half of an order's entry ids, the same whatever its stamp. */
export function keyIdOf(key: string): number {
  hashEntry(key, '');
  return entryHi;
}

/** The key half of an entry id from a comparison: which order it is, as keyIdOf names it. */
export function keyIdOfEntry(entryId: number): number {
  return Math.floor(entryId / 2 ** 21);
}

/** A 64-bit id (two unsigned halves) as entryIdOf numbers it. */
export function idNumber(hi: number, lo: number): number {
  return hi * 2 ** 21 + (lo >>> 11);
}

/** cyrb53's final mix of its two lanes, the low 32 bits of its result. */
function cyrb53Low(h1: number, h2: number): number {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return a >>> 0;
}

/** murmur3's 32-bit finaliser: every input bit moves every output bit. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Where an id lands and its check hash come from murmur3's finaliser with constants of their
// own, independent of cyrb53 (which made the id): the key half is mixed once, then with the
// other half times a multiplier per sub-table, so entries of one key spread apart in each.
const PLACE_SEED = 0x9e3779b9;
const PLACE_MULTIPLIERS = [0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1] as const;
const TWO_TO_MINUS_32 = 2 ** -32;

function checkOf(hi: number, lo: number): number {
  return fmix32(fmix32(lo ^ 0x3c6ef372) ^ Math.imul(hi, 0x2545f491));
}

function cellOf(table: number, perTable: number, mixedHi: number, lo: number): number {
  const h = fmix32(mixedHi ^ Math.imul(lo, PLACE_MULTIPLIERS[table]!));
  return table * perTable + ((h * perTable * TWO_TO_MINUS_32) | 0);
}

/** The cells, four 32-bit words each (count, id high half, id low half, check), in one typed array. */
export class DigestCells {
  readonly words: Int32Array;
  readonly perTable: number;

  constructor(readonly size: number) {
    this.words = new Int32Array(size * 4);
    this.perTable = size / DIGEST_HASHES;
  }

  count(c: number): number {
    return this.words[c * 4]!;
  }

  /** Nothing but zeros in the cell. */
  isZero(c: number): boolean {
    const w = this.words;
    const at = c * 4;
    return w[at] === 0 && w[at + 1] === 0 && w[at + 2] === 0 && w[at + 3] === 0;
  }

  /** Adds an order's entry. */
  addEntry(key: string, stamp: string): void {
    hashEntry(key, stamp);
    this.add(entryHi, entryLo, 1);
  }

  /** Adds (`sign` 1) or takes away (-1) the entry with id (hi, lo). */
  add(hi: number, lo: number, sign: number): void {
    const w = this.words;
    const check = checkOf(hi, lo);
    const mixedHi = fmix32(hi ^ PLACE_SEED);
    for (let t = 0; t < DIGEST_HASHES; t++) {
      const at = cellOf(t, this.perTable, mixedHi, lo) * 4;
      w[at] = w[at]! + sign;
      w[at + 1] = w[at + 1]! ^ hi;
      w[at + 2] = w[at + 2]! ^ lo;
      w[at + 3] = w[at + 3]! ^ check;
    }
  }

  /** This minus `other`, cell by cell: what only one side holds is left. */
  minus(other: DigestCells): DigestCells {
    const out = new DigestCells(this.size);
    const a = this.words;
    const b = other.words;
    for (let at = 0; at < a.length; at += 4) {
      out.words[at] = a[at]! - b[at]!;
      out.words[at + 1] = a[at + 1]! ^ b[at + 1]!;
      out.words[at + 2] = a[at + 2]! ^ b[at + 2]!;
      out.words[at + 3] = a[at + 3]! ^ b[at + 3]!;
    }
    return out;
  }

  isEmpty(): boolean {
    for (let c = 0; c < this.size; c++) if (!this.isZero(c)) return false;
    return true;
  }

  /** Holds exactly one entry (counted ±1), whose check hash and place agree with its id. */
  private pure(c: number): boolean {
    const w = this.words;
    const n = w[c * 4];
    if (n !== 1 && n !== -1) return false;
    const hi = w[c * 4 + 1]! >>> 0;
    const lo = w[c * 4 + 2]! >>> 0;
    if (w[c * 4 + 3]! >>> 0 !== checkOf(hi, lo)) return false;
    return cellOf(Math.floor(c / this.perTable), this.perTable, fmix32(hi ^ PLACE_SEED), lo) === c;
  }

  /**
   * Takes out every entry that can be told apart, one pure cell at a time, emptying the cells (a
   * difference). Each id comes as its two halves with the side it was on (1: this, -1: other).
   * False when the cells do not empty: the difference is too large to list (or the cells were not
   * a difference of two digests).
   */
  peel(found: (hi: number, lo: number, side: number) => void): boolean {
    const w = this.words;
    const queue: number[] = [];
    for (let c = 0; c < this.size; c++) if (this.pure(c)) queue.push(c);
    let peeled = 0;
    while (queue.length > 0) {
      const c = queue.pop()!;
      if (!this.pure(c)) continue;
      // A genuine difference never yields more entries than there are cells.
      if (++peeled > this.size) return false;
      const side = w[c * 4]!;
      const hi = w[c * 4 + 1]! >>> 0;
      const lo = w[c * 4 + 2]! >>> 0;
      found(hi, lo, side);
      this.add(hi, lo, -side);
      const mixedHi = fmix32(hi ^ PLACE_SEED);
      for (let t = 0; t < DIGEST_HASHES; t++) {
        const d = cellOf(t, this.perTable, mixedHi, lo);
        if (this.pure(d)) queue.push(d);
      }
    }
    return this.isEmpty();
  }

  /** The header, then each cell as four little-endian 32-bit words. */
  toBytes(): Uint8Array {
    const bytes = new Uint8Array(HEADER.length + this.words.length * 4);
    bytes.set(HEADER);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < this.words.length; i++) view.setInt32(HEADER.length + i * 4, this.words[i]!, true);
    return bytes;
  }

  /** Cells from bytes as toBytes writes them, or why they are not. */
  static fromBytes(bytes: Uint8Array): DigestCells | string {
    if (bytes.length < HEADER.length || HEADER.some((b, i) => bytes[i] !== b)) return 'not a live-orders digest of this version';
    const size = (bytes.length - HEADER.length) / CELL_BYTES;
    if (!Number.isInteger(size) || size === 0 || size % DIGEST_HASHES !== 0 || size > MAX_DIGEST_CELLS)
      return `${bytes.length} bytes is not a whole number of sub-tables of cells`;
    const cells = new DigestCells(size);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < cells.words.length; i++) cells.words[i] = view.getInt32(HEADER.length + i * 4, true);
    return cells;
  }
}
