// A file's bytes in pieces of 4 MiB: the reader's per-chunk work (decoding, splitting, a batch) is
// paid per piece, not per small read.
/** Bytes handed to the reader at once: large enough that each batch is a sizeable transaction. */
const READ_CHUNK = 4 * 1024 * 1024;

/** Pieces being read while the caller works on the one before them. */
export const PIECES_AHEAD = 3;

/**
 * Each piece is read as a slice of the file, one read of 4 MiB: a file's stream hands out 64 KiB
 * reads, and gluing 64 of them into a piece cost more of the read worker's time than the reads.
 * The next pieces are already being read while the caller works on this one: a read goes through
 * the browser process, and waiting for each in turn left the read worker, the import's slowest
 * thread, idle for a tenth of the import. With one piece read ahead it still waited 1.2 s of a
 * 1M-row import (91 pieces) for the browser, busy with the database writes; `ahead` are read
 * ahead, so at most `ahead` + 1 pieces are held.
 */
export async function* coalescedChunks(file: Blob, ahead = PIECES_AHEAD): AsyncGenerator<Uint8Array> {
  const read = (at: number): Promise<Uint8Array> => {
    const piece = file
      .slice(at, Math.min(file.size, at + READ_CHUNK))
      .arrayBuffer()
      .then((b) => new Uint8Array(b));
    // Left unawaited when the caller stops early: its failure then is nobody's to report.
    piece.catch(() => undefined);
    return piece;
  };
  const reading: Promise<Uint8Array>[] = [];
  let asked = 0;
  const askAhead = () => {
    while (reading.length < Math.max(1, ahead) && asked < file.size) {
      reading.push(read(asked));
      asked += READ_CHUNK;
    }
  };
  askAhead();
  while (reading.length > 0) {
    const piece: Uint8Array = await reading.shift()!;
    askAhead();
    yield piece;
  }
}
