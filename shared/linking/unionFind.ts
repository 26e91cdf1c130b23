// Disjoint sets over order positions in typed arrays: union by size, path halving. The linker's
// inner loop; no objects per element so a million orders fit in a few megabytes.

export class UnionFind {
  readonly parent: Int32Array;
  private readonly size: Int32Array;

  /** `parent` and `size` may be passed in (length n) to reuse buffers; they are overwritten. */
  constructor(n: number, parent: Int32Array = new Int32Array(n), size: Int32Array = new Int32Array(n)) {
    this.parent = parent;
    this.size = size.fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let i = x;
    while (p[i] !== i) {
      const up = p[p[i] as number] as number;
      p[i] = up;
      i = up;
    }
    return i;
  }

  /** True when a and b were in different sets (the pair is a spanning-tree edge). */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
    return true;
  }
}
