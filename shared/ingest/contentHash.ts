// Fast non-cryptographic hashes: 64-bit content hashes of records (fed field by field), FNV-1a 64
// for short texts such as scope names, and a word-wise 64-bit hash of a file's bytes.

/** FNV-1a 64 over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325 in 16-bit limbs, least significant first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    let t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    t3 += t2 >>> 16;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(n: number): string {
  return (n + 0x10000).toString(16).slice(1);
}

/** 53-bit string hash (cyrb53): keys of the in-memory table of records seen in one import. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Content hash of the listed fields of a record: 64 bits from two independent 32-bit
 * multiply-xorshift lanes (cyrb53's construction, both lanes kept) over each value's text, with
 * U+001F between values (cleaned import values cannot contain it). Fed field by field, so no
 * canonical string is built per record. Numbers print the same on every engine.
 */
export function hashFields(record: object, fields: readonly string[]): string {
  const r = record as Record<string, unknown>;
  const lanes = FIELD_LANES;
  startLanes(lanes);
  for (let i = 0; i < fields.length; i++) feedField(lanes, r[fields[i]!]);
  return fieldsDigest(lanes[0]!, lanes[1]!);
}

/** hashFields' running lanes (it runs to its end before anything else can use them). */
const FIELD_LANES = new Int32Array(2);

/** Sets the two lanes of a hashFields-style hash to where every hash starts. */
export function startLanes(lanes: Int32Array): void {
  lanes[0] = 0xdeadbeef;
  lanes[1] = 0x41c6ce57;
}

/**
 * Feeds one field's value to the lanes as hashFields reads it, and the separator after it: a safe
 * integer (times, amounts) by its decimal digits as String(v) would give them, without the string;
 * anything else by the text String() gives it.
 */
export function feedField(lanes: Int32Array, v: unknown): void {
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    let h1 = lanes[0]!;
    let h2 = lanes[1]!;
    let n = v;
    if (n < 0) {
      h1 = Math.imul(h1 ^ 0x2d, 2654435761);
      h2 = Math.imul(h2 ^ 0x2d, 1597334677);
      n = -n;
    }
    let digits = 0;
    do {
      DIGITS[digits++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    while (digits > 0) {
      const ch = DIGITS[--digits]!;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    lanes[0] = h1;
    lanes[1] = h2;
  } else {
    const text = typeof v === 'string' ? v : String(v);
    feedText(lanes, text, 0, text.length);
  }
  feedSeparator(lanes);
}

/** Feeds the characters text[from, to) to the lanes (a field's value, its separator not included). */
export function feedText(lanes: Int32Array, text: string, from: number, to: number): void {
  let h1 = lanes[0]!;
  let h2 = lanes[1]!;
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  lanes[0] = h1;
  lanes[1] = h2;
}

/** Feeds the U+001F that follows every field. */
export function feedSeparator(lanes: Int32Array): void {
  lanes[0] = Math.imul(lanes[0]! ^ 0x1f, 2654435761);
  lanes[1] = Math.imul(lanes[1]! ^ 0x1f, 1597334677);
}

/** The two lanes of a hashFields-style hash, fed every field, mixed and written as 16 hex digits. */
export function fieldsDigest(a: number, b: number): string {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex16(h2, h1);
}

/** Scratch for an integer's digits, least significant first (16 digits hold any safe integer). */
const DIGITS = new Uint8Array(16);

// Nibble -> hex digit's char code.
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * Two 32-bit words as 16 hex digits, built as one string: concatenating eight-digit halves made
 * a string of three objects (and scraps) per record, a million of them kept by the key index.
 */
function hex16(hi: number, lo: number): string {
  return String.fromCharCode(
    HEX[(hi >>> 28) & 15]!,
    HEX[(hi >>> 24) & 15]!,
    HEX[(hi >>> 20) & 15]!,
    HEX[(hi >>> 16) & 15]!,
    HEX[(hi >>> 12) & 15]!,
    HEX[(hi >>> 8) & 15]!,
    HEX[(hi >>> 4) & 15]!,
    HEX[hi & 15]!,
    HEX[(lo >>> 28) & 15]!,
    HEX[(lo >>> 24) & 15]!,
    HEX[(lo >>> 20) & 15]!,
    HEX[(lo >>> 16) & 15]!,
    HEX[(lo >>> 12) & 15]!,
    HEX[(lo >>> 8) & 15]!,
    HEX[(lo >>> 4) & 15]!,
    HEX[lo & 15]!,
  );
}

/** Canonical text of the listed fields, as hashFields reads them: for debugging and tests. */
export function canonicalText(record: object, fields: readonly string[]): string {
  const r = record as Record<string, unknown>;
  return fields.map((f) => String(r[f])).join('\u001f') + '\u001f';
}

/** Whether this machine stores a Uint32Array's words little-endian (every machine the app runs on does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Hash of a file's bytes fed chunk by chunk; two 32-bit lanes over 32-bit little-endian words.
 * A chunk's aligned words are read through a Uint32Array view (one load per word, not four): the
 * same words, so the same hash, as assembling them byte by byte, which the rest still does.
 */
export class ByteHasher {
  private h1 = 0x9e3779b9;
  private h2 = 0x85ebca6b;
  private pending = new Uint8Array(4);
  private pendingLength = 0;
  private total = 0;

  push(bytes: Uint8Array): void {
    this.total += bytes.length;
    let i = 0;
    while (this.pendingLength > 0 && this.pendingLength < 4 && i < bytes.length) this.pending[this.pendingLength++] = bytes[i++]!;
    if (this.pendingLength === 4) {
      this.word(this.pending[0]! | (this.pending[1]! << 8) | (this.pending[2]! << 16) | (this.pending[3]! << 24));
      this.pendingLength = 0;
    }
    const words = (bytes.length - i) >>> 2;
    let h1 = this.h1;
    let h2 = this.h2;
    if (LITTLE_ENDIAN && (bytes.byteOffset + i) % 4 === 0) {
      const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
      for (let k = 0; k < words; k++) {
        const w = view[k]!;
        h1 = Math.imul(h1 ^ w, 0x9e3779b1);
        h1 = (h1 << 13) | (h1 >>> 19);
        h2 = Math.imul(h2 ^ w, 0x85ebca77);
        h2 = (h2 << 17) | (h2 >>> 15);
      }
    } else {
      for (let k = i, end = i + words * 4; k < end; k += 4) {
        const w = bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24);
        h1 = Math.imul(h1 ^ w, 0x9e3779b1);
        h1 = (h1 << 13) | (h1 >>> 19);
        h2 = Math.imul(h2 ^ w, 0x85ebca77);
        h2 = (h2 << 17) | (h2 >>> 15);
      }
    }
    this.h1 = h1;
    this.h2 = h2;
    i += words * 4;
    while (i < bytes.length) this.pending[this.pendingLength++] = bytes[i++]!;
  }

  private word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 0x9e3779b1);
    this.h1 = (this.h1 << 13) | (this.h1 >>> 19);
    this.h2 = Math.imul(this.h2 ^ w, 0x85ebca77);
    this.h2 = (this.h2 << 17) | (this.h2 >>> 15);
  }

  /** 16 hex digits over all bytes pushed and their count. */
  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let k = 0; k < this.pendingLength; k++) {
      h1 = Math.imul(h1 ^ this.pending[k]!, 0x9e3779b1);
      h2 = Math.imul(h2 ^ this.pending[k]!, 0x85ebca77);
    }
    h1 ^= this.total >>> 0;
    h2 ^= Math.floor(this.total / 4294967296);
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }
}
