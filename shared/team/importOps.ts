// Team imports: an import is an operation the server orders and keeps (what the file held as
// parsed records, in compressed chunks), so every laptop applies the same operations in the same
// order and ends with the same live orders. Undo is an operation too. Both sides parse with these.
import { z } from 'zod';
import type { Role } from './protocol';
import { storedText } from './storedText';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
/** Only scheme 2 is named, so an operation of scheme 1 reads as it did before there were schemes. */
const chunkSchemeField = z.literal(2).optional();

export const IMPORT_OP_LIMITS = {
  /** Parsed records per chunk: a chunk is one batch when a teammate applies the operation. */
  recordsPerChunk: 5000,
  /** A chunk as sent (gzip), in bytes; the server answers 413 past it. */
  maxChunkBytes: 8 * 1024 * 1024,
  /** A chunk once decompressed: past it the chunk is refused (a small file that inflates without end). */
  maxChunkRawBytes: 64 * 1024 * 1024,
  /** Chunks in one operation (10 million records at the default chunk size). */
  maxChunks: 2000,
  /** A live-orders digest as sent (base64 text). */
  maxDigestChars: 256 * 1024,
} as const;

/** The roles an admin may let import or undo for the team: compliance reads only, so it is never one. */
export const IMPORT_ROLES = ['admin', 'lead', 'analyst'] as const satisfies readonly Role[];
export type ImportRole = (typeof IMPORT_ROLES)[number];

/** Roles that may import for the team, and undo a team import, unless the admin changes them. */
export const DEFAULT_IMPORT_ROLES: readonly ImportRole[] = ['admin', 'lead'];
export const DEFAULT_UNDO_IMPORT_ROLES: readonly ImportRole[] = ['admin', 'lead'];

/**
 * What a laptop holds of the team's orders, compared with what the author of an operation held
 * right after it: an invertible digest (liveDigest.ts) over the live orders team operations wrote,
 * opaque to the server. `orders` is how many live orders it covers.
 */
export const liveDigestSchema = z.strictObject({
  orders: z.int().min(0),
  cells: storedText().max(IMPORT_OP_LIMITS.maxDigestChars),
});
export type LiveDigest = z.infer<typeof liveDigestSchema>;

/**
 * An import announced before its chunks are sent. `chunkHashes` are SHA-256 of each chunk's
 * decompressed bytes (so compression may differ and the content not); `digest` is SHA-256 of the
 * chunk hashes joined by "\n", the operation's own digest.
 */
export const importDeclarationSchema = z.strictObject({
  opId: z.uuid(),
  deviceId: z.uuid(),
  fileName: storedText().min(1).max(300),
  /** The content hash of the file's bytes, as the import history shows it: one file, one hash. */
  fileHash: storedText().min(1).max(128),
  format: storedText().min(1).max(200),
  formatLabel: storedText().max(200),
  /** Which source's orders the file's payments refer to (its format's orderSource): a teammate may lack the format. */
  orderSource: storedText().min(1).max(100),
  /** The own shop the analyst said the file is from; null for the first (unnamed) shop and other formats. */
  shop: storedText().max(80).nullable(),
  records: z.int().min(0),
  chunkHashes: z.array(hex64).min(1).max(IMPORT_OP_LIMITS.maxChunks),
  digest: hex64,
  /** How its chunks are hashed: 2 (chunkLeaves.ts, the server can redact them); absent, 1 (SHA-256 of the bytes, as declared before scheme 2). */
  chunkScheme: chunkSchemeField,
});
export type ImportDeclaration = z.infer<typeof importDeclarationSchema>;

/** An operation the server has ordered: an import, or the undo of one. */
export const teamOpSchema = z.strictObject({
  seq: z.int().min(1),
  opId: z.uuid(),
  kind: z.enum(['import', 'undo']),
  /** For an undo: the import it undoes. */
  undoes: z.uuid().nullable(),
  /** For an import: its declaration's fields; for an undo, those of the import it undoes. */
  fileName: z.string(),
  fileHash: z.string(),
  format: z.string(),
  formatLabel: z.string(),
  orderSource: z.string(),
  shop: z.string().nullable(),
  records: z.int().min(0),
  chunkHashes: z.array(hex64),
  digest: hex64,
  chunkScheme: chunkSchemeField,
  /** Who did it (the signed-in account) and from which laptop, and when the server ordered it. */
  by: z.string(),
  deviceId: z.uuid(),
  at: z.int(),
  /** What the author's laptop held right after this operation. */
  liveDigest: liveDigestSchema,
});
export type TeamOp = z.infer<typeof teamOpSchema>;

/** POST /v1/imports answer: the chunks the server already holds (to resume), or the operation this file already is. */
export const declareAnswerSchema = z.union([
  z.strictObject({ opId: z.uuid(), received: z.array(z.int().min(0)) }),
  z.strictObject({ duplicateOf: teamOpSchema }),
]);
export type DeclareAnswer = z.infer<typeof declareAnswerSchema>;

/** GET /v1/imports/:opId answer: how far an upload got. */
export const uploadStateSchema = z.strictObject({
  opId: z.uuid(),
  received: z.array(z.int().min(0)),
  /** Set once the operation is ordered. */
  seq: z.int().min(1).nullable(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

/** POST /v1/imports/:opId/complete and POST /v1/imports/:opId/undo: the laptop's place in the order and what it then holds. */
export const completeRequestSchema = z.strictObject({
  /** The last operation this laptop applied; the server orders the new one only right after the latest (else 409 `behind`). */
  basedOn: z.int().min(0),
  liveDigest: liveDigestSchema,
});
export type CompleteRequest = z.infer<typeof completeRequestSchema>;
export const undoRequestSchema = completeRequestSchema.extend({ undoOpId: z.uuid(), deviceId: z.uuid() });
export type UndoRequest = z.infer<typeof undoRequestSchema>;
/** An undo is ordered or refused: it has no duplicate to point to. */
export const undoAnswerSchema = z.strictObject({ op: teamOpSchema });
export type UndoAnswer = z.infer<typeof undoAnswerSchema>;
export const completeAnswerSchema = z.union([undoAnswerSchema, z.strictObject({ duplicateOf: teamOpSchema })]);
export type CompleteAnswer = z.infer<typeof completeAnswerSchema>;

export const opsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
/** GET /v1/imports?after=: the ordered operations after a place, oldest first, and the latest place. */
export const opsAnswerSchema = z.strictObject({ ops: z.array(teamOpSchema), latest: z.int().min(0), more: z.boolean() });
export type OpsAnswer = z.infer<typeof opsAnswerSchema>;

/** Who may import for the team and undo its imports (team settings; the defaults above when unset). */
export const importRightsSchema = z.strictObject({
  // Compliance reads only: it is never among them.
  importRoles: z.array(z.enum(IMPORT_ROLES)).max(IMPORT_ROLES.length),
  undoImportRoles: z.array(z.enum(IMPORT_ROLES)).max(IMPORT_ROLES.length),
});
export type ImportRights = z.infer<typeof importRightsSchema>;

/** The operation's own digest from its chunk hashes (both sides compute it the same way). */
export function opDigestText(chunkHashes: readonly string[]): string {
  return chunkHashes.join('\n');
}
