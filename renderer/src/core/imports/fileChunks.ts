// A file's bytes in pieces of about 4 MiB, whatever sizes its stream hands out: the reader's
// per-chunk work (decoding, splitting, a batch) is paid per piece, not per small read.
/** Bytes handed to the reader at once: large enough that each batch is a sizeable transaction. */
const READ_CHUNK = 4 * 1024 * 1024;

export async function* coalescedChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      parts.push(value);
      size += value.length;
    }
    if (size >= READ_CHUNK || (done && size > 0)) {
      const out = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      parts = [];
      size = 0;
      yield out;
    }
    if (done) return;
  }
}
