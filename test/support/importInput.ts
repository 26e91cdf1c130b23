// A file's bytes as the import reads them: in chunks, optionally failing after some, as a disk or
// a network share can mid-file.

/** The bytes in chunks of `size`; the read fails (throws) once `failAfter` chunks were given. */
export async function* chunked(bytes: Uint8Array, size = 512, failAfter = Infinity): AsyncGenerator<Uint8Array> {
  for (let i = 0, n = 0; i < bytes.length; i += size, n++) {
    if (n >= failAfter) throw new Error('simulated read failure');
    yield bytes.subarray(i, i + size);
  }
}
