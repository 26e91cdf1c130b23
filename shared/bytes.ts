// Byte arrays end to end: the one copy the reader's sniffed head, the decoder's held bytes and
// the backup's chunk framing each need.

/** The parts' bytes one after another, in a new array (also for one part or none). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
