// Dispute files between laptops: the team server keeps each attached file's bytes once, named by
// their SHA-256, and both ends check what they receive with one rule (size, hash, type by content).
import { sha256OfBytes } from '../decisions/chain';
import { ATTACHMENT_LIMITS, formatBytes, shownName, sniffAttachment, type AttachmentType } from '../disputes/attachments';

/** Where a file's bytes are sent (PUT), fetched (GET) and asked after (HEAD), by their SHA-256. */
export const ATTACHMENT_FILE_ROUTE = '/v1/attachments/:sha256';

export function attachmentFilePath(sha256: string): string {
  return `/v1/attachments/${sha256}`;
}

/** How the server and the attachment events name a file: its SHA-256 in lower-case hex. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A file travels whole, as large as a laptop lets a file be attached. */
export const ATTACHMENT_FILE_LIMITS = { maxFileBytes: ATTACHMENT_LIMITS.fileBytes } as const;

export type ReceivedFile = { ok: true; type: AttachmentType } | { ok: false; code: 'too-large' | 'hash-mismatch' | 'type-refused'; problem: string };

/**
 * A file as it arrives (at the server from its author, at a teammate's laptop from the server): no
 * larger than a file may be, exactly the bytes its SHA-256 names, and of a type a laptop attaches.
 */
export async function checkReceivedFile(bytes: Uint8Array, sha256: string, name: string): Promise<ReceivedFile> {
  const file = `“${shownName(name)}”`;
  if (bytes.length > ATTACHMENT_FILE_LIMITS.maxFileBytes)
    return {
      ok: false,
      code: 'too-large',
      problem: `${file} is larger than the ${formatBytes(ATTACHMENT_FILE_LIMITS.maxFileBytes)} a file may be (${bytes.length.toLocaleString('en-US')} bytes)`,
    };
  const own = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  if ((await sha256OfBytes(own)) !== sha256)
    return { ok: false, code: 'hash-mismatch', problem: `${file} is not the file its SHA-256 ${sha256.slice(0, 12)}… names: its bytes differ` };
  const sniffed = sniffAttachment(name, bytes);
  return sniffed.ok ? { ok: true, type: sniffed.type } : { ok: false, code: 'type-refused', problem: sniffed.problem };
}
