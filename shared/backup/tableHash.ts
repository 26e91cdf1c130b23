// A hash over a table's rows as written in a backup. WebCrypto digests only whole buffers, so
// the rows are hashed in pieces of about 4 MB and the table's hash is the SHA-256 of the pieces'
// digests; writer and reader cut the same lines into the same pieces.

const PIECE = 4 * 1024 * 1024;

export class TableHash {
  private parts: Uint8Array[] = [];
  private size = 0;
  private digests: Uint8Array[] = [];

  async addLine(line: Uint8Array): Promise<void> {
    this.parts.push(line);
    this.size += line.length + 1;
    if (this.size >= PIECE) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const buf = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      buf.set(p, at);
      buf[at + p.length] = 10;
      at += p.length + 1;
    }
    this.digests.push(new Uint8Array(await crypto.subtle.digest('SHA-256', buf)));
    this.parts = [];
    this.size = 0;
  }

  async hex(): Promise<string> {
    await this.flush();
    const all = new Uint8Array(this.digests.length * 32);
    this.digests.forEach((d, i) => all.set(d, i * 32));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
    return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}
