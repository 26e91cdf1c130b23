// A file's bytes in pieces of 4 MiB: the reader's per-chunk work (decoding, splitting, a batch) is
// paid per piece, not per small read.
/** Bytes handed to the reader at once: large enough that each batch is a sizeable transaction. */
const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Each piece is read as a slice of the file, one read of 4 MiB: a file's stream hands out 64 KiB
 * reads, and gluing 64 of them into a piece cost more of the read worker's time than the reads.
 */
export async function* coalescedChunks(file: Blob): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += READ_CHUNK) {
    yield new Uint8Array(await file.slice(at, Math.min(file.size, at + READ_CHUNK)).arrayBuffer());
  }
}
