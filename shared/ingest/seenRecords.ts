// Records already read in this import, by 53-bit key hash, with the line they were first read on
// and their content hash: a compact open-addressing table, so a million orders cost ~40 MB, not
// a million strings that would also pin the parsed text chunks in memory.

export class SeenRecords {
  private keys: Float64Array;
  private hashes: Float64Array;
  private lines: Int32Array;
  private used = 0;

  constructor(capacity = 1 << 12) {
    this.keys = new Float64Array(capacity).fill(-1);
    this.hashes = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Slot holding `key`, or the empty slot where it would go. Keys are >= 0; -1 marks empty. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (key ^ (key / 4294967296)) & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Line and content hash stored for `key`, or null. */
  get(key: number): { line: number; hash: number } | null {
    const i = this.slot(key);
    return this.keys[i] === -1 ? null : { line: this.lines[i]!, hash: this.hashes[i]! };
  }

  set(key: number, line: number, hash: number): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.grow();
    const i = this.slot(key);
    if (this.keys[i] === -1) this.used++;
    this.keys[i] = key;
    this.lines[i] = line;
    this.hashes[i] = hash;
  }

  private grow(): void {
    const { keys, hashes, lines } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.hashes = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i]!, lines[i]!, hashes[i]!);
  }
}
