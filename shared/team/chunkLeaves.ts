// Scheme 2 of a team import chunk's hash: each line's personal values are hashed apart from the
// rest, so the server can take an erased person's data out of a stored chunk and every laptop can
// still check that nothing else in it changed (amounts, dates, keys, the lines and their order).
//
//   personal = SHA-256(canonical {salt, values: personal fields of the record and its companions})
//   leaf     = SHA-256(personal || SHA-256(canonical line with the personal fields blanked, no salt))
//   chunk    = SHA-256(leaf 1 || leaf 2 || …)
//
// A line as the author sent it carries a random salt, so the digest a redacted line keeps cannot
// be tested against a guessed e-mail or name; a redacted line carries the digest instead of the
// salt and its personal values (`redacted: {personal, erasure}`). Scheme 1 (SHA-256 of the bytes)
// stays for operations declared before; they cannot be redacted without every laptop refusing them.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { PERSONAL_ORDER_FIELDS, PERSONAL_PAYMENT_FIELDS } from '../domain/personalFields';
import type { DomainKind } from '../ingest/records';
import { canonicalJson, type Json } from './canonicalJson';

/** 1: SHA-256 of the chunk's bytes (operations declared before redaction). 2: the leaves above. */
export type ChunkScheme = 1 | 2;
/** The scheme a laptop declares its new operations with. */
export const NEW_CHUNK_SCHEME = 2 satisfies ChunkScheme;

/** What a chunk's content must hash to, and how. */
export interface ChunkHash {
  hash: string;
  scheme: ChunkScheme;
}

/** Fields of each kind of record that identify a person (disputes and refund claims hold none). */
export const PERSONAL_RECORD_FIELDS: Record<DomainKind, readonly string[]> = {
  order: PERSONAL_ORDER_FIELDS,
  payment: PERSONAL_PAYMENT_FIELDS,
  dispute: [],
  claim: [],
};

type JsonObject = { [key: string]: Json };

/** The field of a line as sent that salts its personal digest. */
export const LINE_SALT = 'salt';
/** The field of a redacted line: its personal digest, and the erasure event that took its personal values out. */
export const LINE_REDACTED = 'redacted';

const saltSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a 128-bit salt in lower-case hex');
export const redactionMarkSchema = z.strictObject({
  personal: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
  erasure: z.uuid(),
});
export type RedactionMark = z.infer<typeof redactionMarkSchema>;

/** A line's record apart from its salt or its redaction mark. */
export type SplitLine = { record: JsonObject; salt: string; mark: null } | { record: JsonObject; salt: null; mark: RedactionMark };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record and its companions, each with its kind and value (as far as the line has them). */
function partsOf(record: JsonObject): JsonObject[] {
  const companions = Array.isArray(record.companions) ? record.companions.filter(isObject) : [];
  return [record, ...companions];
}

function personalFieldsOf(part: JsonObject): readonly string[] {
  return typeof part.kind === 'string' && part.kind in PERSONAL_RECORD_FIELDS ? PERSONAL_RECORD_FIELDS[part.kind as DomainKind] : [];
}

/** Each part's personal values, by field (those its value has), in the order of the parts. */
function personalValues(record: JsonObject): Json {
  return partsOf(record).map((part) => {
    const value = isObject(part.value) ? part.value : {};
    const out: JsonObject = {};
    for (const f of personalFieldsOf(part)) if (f in value) out[f] = value[f]!;
    return out;
  });
}

/** The record with every personal field it has set to '' (as an erasure on a laptop blanks them); a field it lacks stays absent. */
export function blankedRecord(record: JsonObject): JsonObject {
  const blankPart = (part: JsonObject): JsonObject => {
    if (!isObject(part.value)) return part;
    const value = { ...part.value };
    for (const f of personalFieldsOf(part)) if (f in value) value[f] = '';
    return { ...part, value };
  };
  const out = blankPart(record);
  if (Array.isArray(record.companions)) out.companions = record.companions.map((c) => (isObject(c) ? blankPart(c) : c));
  return out;
}

/** Whether any personal field of the record or its companions holds something. */
export function holdsPersonalData(record: JsonObject): boolean {
  return (personalValues(record) as JsonObject[]).some((values) => Object.values(values).some((v) => v !== ''));
}

/** The digest of a line's personal values under its salt. */
export function personalDigest(salt: string, record: JsonObject): Uint8Array {
  return sha256(utf8ToBytes(canonicalJson({ salt, values: personalValues(record) })));
}

/** A line's leaf: its personal digest and the hash of the rest, so either may go without the other changing. */
export function lineLeaf(personal: Uint8Array, record: JsonObject): Uint8Array {
  const rest = sha256(utf8ToBytes(canonicalJson(blankedRecord(record))));
  const both = new Uint8Array(personal.length + rest.length);
  both.set(personal, 0);
  both.set(rest, personal.length);
  return sha256(both);
}

/** The chunk's scheme-2 hash from its lines' leaves, in order. */
export function chunkHashOfLeaves(leaves: readonly Uint8Array[]): string {
  const h = sha256.create();
  for (const leaf of leaves) h.update(leaf);
  return bytesToHex(h.digest());
}

/** A fresh salt for a line as sent. */
export function newLineSalt(): string {
  return bytesToHex(randomBytes(16));
}

/**
 * A scheme-2 line's record apart from its salt (as sent) or its redaction mark (redacted), or why
 * it is neither. A redacted line must hold no personal value: the server may take them out, never put one in.
 */
export function splitLine(json: unknown): SplitLine | string {
  if (!isObject(json)) return 'not a record';
  const { [LINE_SALT]: salt, [LINE_REDACTED]: mark, ...record } = json;
  if (salt !== undefined && mark !== undefined) return 'both a salt and a redaction mark';
  if (mark !== undefined) {
    const read = redactionMarkSchema.safeParse(mark);
    if (!read.success) return 'a redaction mark that is not one';
    if (holdsPersonalData(record)) return 'a redacted line that still holds personal data';
    return { record, salt: null, mark: read.data };
  }
  const read = saltSchema.safeParse(salt);
  if (!read.success) return 'no salt for its personal values';
  return { record, salt: read.data, mark: null };
}

/** The leaf of a split line: from its salt and values as sent, or from the digest its redaction mark carries. */
export function leafOfLine(line: SplitLine): Uint8Array {
  const personal = line.mark ? hexToBytes(line.mark.personal) : personalDigest(line.salt, line.record);
  return lineLeaf(personal, line.record);
}

/** A line as sent, redacted by `erasureId`: its personal fields blanked, its salt replaced by its personal digest. The leaf stays. */
export function redactedLine(line: Extract<SplitLine, { mark: null }>, erasureId: string): JsonObject {
  const mark: RedactionMark = { personal: bytesToHex(personalDigest(line.salt, line.record)), erasure: erasureId };
  return { ...blankedRecord(line.record), [LINE_REDACTED]: mark };
}
