// Seeded randomness for demo data: a small fast generator (sfc32), stateless hashes that derive
// independent streams per order, hour or customer, and keyed permutations for collision-free ids.

/** murmur3 finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function combine(h: number, k: number): number {
  k = Math.imul(k | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Hash of three 32-bit integers (larger numbers are folded first), uniform on [0, 2^32). */
export function hash3(a: number, b: number, c: number): number {
  return fmix32(combine(combine(combine(0x2545f491, fold(a)), fold(b)), fold(c)));
}

/** Uniform float in [0, 1) from three integers, without creating a generator. */
export function unit3(a: number, b: number, c: number): number {
  return hash3(a, b, c) / 4294967296;
}

function fold(x: number): number {
  return x >= 4294967296 || x < 0 ? (x % 4294967296) ^ Math.floor(x / 4294967296) : x;
}

/** sfc32 (Chris Doty-Humphrey): 128-bit state, passes PractRand, a few ns per draw. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = this.b = this.c = this.d = 0;
    this.reseed(a, b, c, d);
  }

  /** Restarts the generator in place (hot loops reuse one instance instead of allocating). */
  reseed(a: number, b: number, c: number, d: number): this {
    // The 12 warm-up draws of u32, in locals: the demo year reseeds several times per order, and
    // the same steps through fields cost a tenth of its generation time.
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    for (let i = 0; i < 12; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return this;
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks by relative weights (need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /**
   * A string of `length` characters drawn from `alphabet`. Built from char codes in one step: a
   * string grown a character at a time was a copy per step (ids of 23-32 characters, one per order).
   */
  chars(alphabet: string, length: number): string {
    const codes = charCodes(length);
    for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(this.float() * alphabet.length));
    return String.fromCharCode.apply(null, codes);
  }
}

/** An independent generator for (seed, stream, index): the same triple always yields the same draws. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  return reseedFor(new Rng(0, 0, 0, 0), seed, stream, index);
}

/** Puts `rng` at the start of the (seed, stream, index) stream; same draws as rngFor. */
export function reseedFor(rng: Rng, seed: number, stream: number, index: number): Rng {
  return rng.reseed(hash3(seed, stream, index), hash3(index, seed, stream ^ 0x5bd1e995), hash3(stream, index, seed + 0x27d4eb2f), (0x9e3779b9 ^ index) | 0);
}

/** A fixed categorical distribution, prepared once for hot loops. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.float() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (r < (c[i] as number)) return this.items[i] as T;
    return this.items[this.items.length - 1] as T;
  }
}

/**
 * A keyed pseudo-random bijection on [0, n) (balanced Feistel network with cycle walking).
 * Distinct inputs give distinct outputs, which is how ids, phones and addresses stay unique
 * per customer without keeping a set of what was handed out.
 */
export class Permutation {
  private readonly halfSize: number;
  private readonly mask: number;

  constructor(
    readonly n: number,
    private readonly key: number,
  ) {
    if (!(n >= 1) || n > 2 ** 52) throw new RangeError(`Permutation domain out of range: ${n}`);
    let bits = 2;
    while (2 ** bits < n) bits++;
    const half = Math.ceil(bits / 2);
    this.halfSize = 2 ** half;
    this.mask = this.halfSize - 1;
  }

  apply(x: number): number {
    if (!(x >= 0 && x < this.n)) throw new RangeError(`Permutation input ${x} outside [0, ${this.n})`);
    do x = this.rounds(x);
    while (x >= this.n);
    return x;
  }

  private rounds(x: number): number {
    let left = Math.floor(x / this.halfSize);
    let right = x % this.halfSize;
    for (let r = 0; r < 4; r++) {
      const next = (left ^ (hash3(this.key, r, right) & this.mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }
}

/** `length` characters from `alphabet` (at most 62 symbols) derived from a hash, without a generator. */
export function hashChars(a: number, b: number, c: number, alphabet: string, length: number): string {
  const base = alphabet.length;
  const codes = charCodes(length);
  let n = 0;
  for (let block = 0; n < length; block++) {
    let h = hash3(a, b, (c + Math.imul(block, 0x9e3779b9)) | 0);
    for (let k = 0; k < 5 && n < length; k++) {
      codes[n++] = alphabet.charCodeAt(h % base);
      h = Math.floor(h / base);
    }
  }
  return String.fromCharCode.apply(null, codes);
}

/** Scratch char-code arrays by length, reused: the demo asks for a few lengths millions of times. */
const CHAR_CODES: number[][] = [];
function charCodes(length: number): number[] {
  return (CHAR_CODES[length] ??= new Array<number>(length).fill(0));
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Eight lower-case hex digits of a 32-bit integer (toString(16) is slow in hot loops). */
export function hex32(h: number): string {
  return (HEX_BYTE[h >>> 24] as string) + HEX_BYTE[(h >>> 16) & 255] + HEX_BYTE[(h >>> 8) & 255] + HEX_BYTE[h & 255];
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
