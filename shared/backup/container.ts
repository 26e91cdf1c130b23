// The backup file: a readable header (what it holds, the decision log's head, how it is
// encrypted), then the gzip-compressed records encrypted in chunks with AES-256-GCM under a key
// derived from the analyst's passphrase (PBKDF2-SHA256). Each chunk is bound to the header, its
// position and whether it is the last, so an edited header, a reordered or missing chunk and a
// file cut short are all refused before anything is restored.
import { z } from 'zod';
import { concatBytes } from '../bytes';
import { formatCount } from '../domain/money';
import { base64ToBytes, bytesToBase64 } from './records';

export const BACKUP_MAGIC = 'FWBACKUP';
export const BACKUP_FORMAT_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
const MIN_ITERATIONS = 1_000;
const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE = 10;
const DEFAULT_CHUNK = 1 << 20;
const MAX_CHUNK = 16 << 20;
const MAX_HEADER = 1 << 20;
const KEY_CHECK_TEXT = 'fraud-workbench-backup-key';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const count = z.number().int().min(0);

export const backupHeaderSchema = z
  .object({
    format: z.literal('fraud-workbench-backup'),
    formatVersion: z.number().int().min(1),
    schemaVersion: z.number().int().min(1),
    app: z.object({ name: z.string().max(100), version: z.string().max(50) }).strict(),
    createdAt: z.number().int().min(0),
    createdBy: z.string().max(80),
    /** What it holds, in the analyst's words (orders, payments, disputes, decisions...). */
    counts: z.record(z.string().max(50), count),
    /** Rows per stored table. */
    tables: z.array(z.object({ name: z.string().max(50), rows: count }).strict()).max(100),
    logHead: z.object({ seq: count, hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    /** Files kept beside the tables (dispute attachments, later): name, size, hash. */
    files: z.array(z.object({ name: z.string().max(255), bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(100_000),
    compression: z.literal('gzip'),
    encryption: z
      .object({
        kdf: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
        salt: b64,
        cipher: z.literal('AES-256-GCM'),
        noncePrefix: b64,
        chunkBytes: z.number().int().min(1024).max(MAX_CHUNK),
        keyCheck: b64,
      })
      .strict(),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupManifest = Omit<BackupHeader, 'format' | 'formatVersion' | 'compression' | 'encryption'>;

/** A backup that cannot be read, with the reason in the analyst's words. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * The one refusal worth another try with the same file: any other (cut off, damaged, changed)
 * stays whatever passphrase is typed. Told apart by name, which survives the worker boundary.
 */
export class WrongPassphraseError extends BackupError {
  constructor() {
    super('The passphrase is not the one this backup was written with');
    this.name = 'WrongPassphraseError';
  }
}

export function isWrongPassphrase(e: unknown): boolean {
  return e instanceof Error && e.name === 'WrongPassphraseError';
}

/** "it has 1,200 bytes, but its header alone needs 2,345": a file cut short, said with what is knowable. */
function cutOff(size: number, what: string, needs: number): BackupError {
  return new BackupError(`The backup is cut off (incomplete): it has ${formatCount(size)} bytes, but ${what} needs at least ${formatCount(needs)}`);
}

function u32be(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

function nonce(prefix: Uint8Array, index: number): Uint8Array {
  return concatBytes([prefix, u32be(index)]);
}

async function chunkAad(headerDigest: Uint8Array, index: number, final: boolean): Promise<Uint8Array> {
  return concatBytes([headerDigest, u32be(index), new Uint8Array([final ? 1 : 0])]);
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) throw new BackupError(`Choose a passphrase of at least ${MIN_PASSPHRASE} characters: the backup holds personal data`);
}

export interface WriteOptions {
  manifest: BackupManifest;
  passphrase: string;
  /** The records, uncompressed; gzip and encryption happen here. */
  body: AsyncIterable<Uint8Array>;
  iterations?: number;
  chunkBytes?: number;
}

/** Writes the whole container: header, then encrypted chunks, the last one marked final. */
export async function writeContainer(opts: WriteOptions): Promise<Blob> {
  checkPassphrase(opts.passphrase);
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const prefix = crypto.getRandomValues(new Uint8Array(8));
  const key = await deriveKey(opts.passphrase, salt, iterations);
  const keyCheck = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce(prefix, 0xffffffff) as BufferSource }, key, new TextEncoder().encode(KEY_CHECK_TEXT)),
  );
  const header: BackupHeader = {
    format: 'fraud-workbench-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    ...opts.manifest,
    compression: 'gzip',
    encryption: {
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: bytesToBase64(salt),
      cipher: 'AES-256-GCM',
      noncePrefix: bytesToBase64(prefix),
      chunkBytes,
      keyCheck: bytesToBase64(keyCheck),
    },
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerDigest = new Uint8Array(await crypto.subtle.digest('SHA-256', headerBytes as BufferSource));
  const parts: BlobPart[] = [new TextEncoder().encode(BACKUP_MAGIC) as BlobPart, u32be(headerBytes.length) as BlobPart, headerBytes as BlobPart];

  let index = 0;
  const seal = async (plain: Uint8Array, final: boolean) => {
    const aad = await chunkAad(headerDigest, index, final);
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: nonce(prefix, index) as BufferSource, additionalData: aad as BufferSource },
        key,
        plain as BufferSource,
      ),
    );
    parts.push(u32be(sealed.length) as BlobPart, sealed as BlobPart);
    index++;
  };
  // Compressed bytes are cut into chunks; the last chunk (possibly empty) is sealed as final.
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  for await (const piece of gzip(opts.body)) {
    pending.push(piece);
    pendingSize += piece.length;
    while (pendingSize > chunkBytes) {
      const all = concatBytes(pending);
      await seal(all.subarray(0, chunkBytes), false);
      const rest = all.subarray(chunkBytes);
      pending = [rest];
      pendingSize = rest.length;
    }
  }
  await seal(concatBytes(pending), true);
  return new Blob(parts, { type: 'application/octet-stream' });
}

async function* gzip(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for await (const piece of body) await writer.write(piece as BufferSource);
    await writer.close();
  })();
  feeding.catch(() => undefined);
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield value;
  }
  await feeding;
}

/** Reads the header only: what the file says it holds, before any passphrase is asked. */
export async function readHeader(file: Blob): Promise<{ header: BackupHeader; headerBytes: Uint8Array; bodyStart: number }> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (head.length < 8 || new TextDecoder().decode(head.subarray(0, 8)) !== BACKUP_MAGIC) {
    throw new BackupError('This file is not a Fraud Workbench backup (no backup header found)');
  }
  if (head.length < 12) throw cutOff(file.size, 'its header', 12);
  const length = new DataView(head.buffer, head.byteOffset).getUint32(8, false);
  if (length > MAX_HEADER) throw new BackupError('The backup is damaged: its header announces a length no backup has');
  if (12 + length > file.size) throw cutOff(file.size, 'its header alone', 12 + length);
  const headerBytes = new Uint8Array(await file.slice(12, 12 + length).arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    throw new BackupError('The backup is damaged: its header is not readable');
  }
  const version = (json as { formatVersion?: unknown })?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`The backup was written in a newer backup format (${version}); update the app first`);
  }
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError(`The backup's header is not valid: ${issue.path.join('.') || 'header'} ${issue.message}`);
  }
  return { header: parsed.data, headerBytes, bodyStart: 12 + length };
}

/** Where each sealed chunk lies in the file: its sealed bytes start at `at` and run `len`. */
interface ChunkFrame {
  at: number;
  len: number;
}

/**
 * Walks the chunks' lengths, which are not encrypted: a file cut inside a chunk (or its length)
 * is refused here, with how many bytes it has and needs, before a passphrase is asked or a key
 * derived. A file cut exactly between two chunks is found only when decrypting (the last chunk
 * is marked inside its sealed bytes).
 */
async function* chunkFrames(file: Blob, bodyStart: number, chunkBytes: number): AsyncGenerator<ChunkFrame> {
  let at = bodyStart;
  let index = 0;
  while (at < file.size) {
    const part = `its part ${formatCount(++index)}`;
    if (at + 4 > file.size) throw cutOff(file.size, part, at + 4);
    const lenBytes = new Uint8Array(await file.slice(at, at + 4).arrayBuffer());
    const len = new DataView(lenBytes.buffer).getUint32(0, false);
    if (len < 16 || len > chunkBytes + 16) throw new BackupError(`The backup is damaged: ${part} announces a length no backup has`);
    if (at + 4 + len > file.size) throw cutOff(file.size, part, at + 4 + len);
    yield { at: at + 4, len };
    at += 4 + len;
  }
  // Cut right after the header: not even one chunk (the smallest is its length and 16 bytes of tag).
  if (index === 0) throw cutOff(file.size, 'its part 1', at + 4 + 16);
}

/** Walks every chunk's length without keeping them: a long file has many. */
async function checkFrames(file: Blob, bodyStart: number, chunkBytes: number): Promise<void> {
  for await (const frame of chunkFrames(file, bodyStart, chunkBytes)) void frame;
}

/**
 * Reads what can be checked without the passphrase, the header and the chunks' lengths, so a
 * file already known to be cut off or damaged is refused before anyone types a passphrase for it.
 */
export async function checkContainerLayout(file: Blob): Promise<BackupHeader> {
  const { header, bodyStart } = await readHeader(file);
  await checkFrames(file, bodyStart, header.encryption.chunkBytes);
  return header;
}

export interface ReadOptions {
  passphrase: string;
  /** Refuses to decompress more than this many bytes (a zip bomb, a hostile file). */
  maxBytes?: number;
  onProgress?: (readBytes: number, totalBytes: number) => void;
}

/**
 * The records, decrypted and decompressed, as they come. Throws a BackupError when the
 * passphrase is wrong, the file was changed after it was written, or it is cut off.
 */
export async function* readBody(file: Blob, opts: ReadOptions): AsyncGenerator<Uint8Array> {
  const { header, headerBytes, bodyStart } = await readHeader(file);
  const enc = header.encryption;
  const prefix = base64ToBytes(enc.noncePrefix);
  if (prefix.length !== 8) throw new BackupError("The backup's header is not valid: encryption.noncePrefix has the wrong length");
  // A file cut inside a chunk is said to be cut off, not answered with a passphrase check.
  await checkFrames(file, bodyStart, enc.chunkBytes);
  const key = await deriveKey(opts.passphrase, base64ToBytes(enc.salt), enc.iterations);
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce(prefix, 0xffffffff) as BufferSource }, key, base64ToBytes(enc.keyCheck) as BufferSource);
  } catch {
    throw new WrongPassphraseError();
  }
  const headerDigest = new Uint8Array(await crypto.subtle.digest('SHA-256', headerBytes as BufferSource));
  const maxBytes = opts.maxBytes ?? 64 * 1024 ** 3;

  const sealedChunks = async function* (): AsyncGenerator<Uint8Array> {
    let index = 0;
    let sawFinal = false;
    for await (const { at, len } of chunkFrames(file, bodyStart, enc.chunkBytes)) {
      if (sawFinal) throw new BackupError('The backup is damaged: data follows its last chunk');
      const sealed = new Uint8Array(await file.slice(at, at + len).arrayBuffer());
      let plain: Uint8Array | null = null;
      for (const final of [false, true]) {
        try {
          const aad = await chunkAad(headerDigest, index, final);
          plain = new Uint8Array(
            await crypto.subtle.decrypt(
              { name: 'AES-GCM', iv: nonce(prefix, index) as BufferSource, additionalData: aad as BufferSource },
              key,
              sealed as BufferSource,
            ),
          );
          sawFinal = final;
          break;
        } catch {
          plain = null;
        }
      }
      if (!plain) throw new BackupError(`The backup was changed after it was written: chunk ${index + 1} or its header does not match`);
      index++;
      opts.onProgress?.(at + len, file.size);
      yield plain;
    }
    if (!sawFinal) throw new BackupError('The backup is cut off (incomplete): its last part is missing');
  };

  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for await (const c of sealedChunks()) await writer.write(c as BufferSource);
    await writer.close();
  })();
  let feedError: unknown = null;
  feeding.catch((e: unknown) => {
    feedError = e;
    void writer.abort(e).catch(() => undefined);
  });
  const reader = stream.readable.getReader();
  let total = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (feedError) throw feedError;
        throw new BackupError(`The backup is damaged: its compressed data cannot be read (${(e as Error).message})`);
      }
      if (step.done) break;
      total += step.value.length;
      if (total > maxBytes) throw new BackupError('The backup expands to more data than any cache this app writes: refused');
      yield step.value;
    }
    await feeding;
  } finally {
    reader.releaseLock();
  }
  if (feedError) throw feedError;
}
