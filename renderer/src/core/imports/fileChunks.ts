// A file's bytes in pieces of 4 MiB: the reader's per-chunk work (decoding, splitting, a batch) is
// paid per piece, not per small read.
/** Bytes handed to the reader at once: large enough that each batch is a sizeable transaction. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Each piece is read as a slice of the file, one read of 4 MiB: a file's stream hands out 64 KiB
 * reads, and gluing 64 of them into a piece cost more of the read worker's time than the reads.
 * The next piece is already being read while the caller works on this one: a read goes through
 * the browser process, and waiting for each in turn left the read worker, the import's slowest
 * thread, idle for a tenth of the import. At most two pieces are held.
 */
export async function* coalescedChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const read = (at: number): Promise<Uint8Array> => {
    const piece = file
      .slice(at, Math.min(file.size, at + READ_CHUNK))
      .arrayBuffer()
      .then((b) => new Uint8Array(b));
    // Left unawaited when the caller stops early: its failure then is nobody's to report.
    piece.catch(() => undefined);
    return piece;
  };
  let next = file.size > 0 ? read(0) : null;
  for (let at = 0; next !== null; at += READ_CHUNK) {
    const piece: Uint8Array = await next;
    next = at + READ_CHUNK < file.size ? read(at + READ_CHUNK) : null;
    yield piece;
  }
}
