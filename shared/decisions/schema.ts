// The decision log's entries as they cross a boundary (a backup, an IPC call to the checkpoint
// keeper): checked field by field once, where they enter, so code inside can trust their shape.
import { z } from 'zod';
import { DECISIONS, type DecisionEntry } from './chain';
import { NOTE_MAX, REASON_CODE_MAX } from './reasons';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const text = (max: number) => z.string().max(max);

export const logHeadSchema = z.object({ seq: z.number().int().min(0), hash: hex64 }).strict();

/** The most entries one entry may list in its refs: more than a laptop's log holds in decades. */
export const REFS_MAX = 10_000_000;

export const decisionEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    prevHash: hex64,
    hash: hex64,
    orderKey: text(300),
    decision: z.enum(DECISIONS),
    reasonCode: text(REASON_CODE_MAX),
    note: text(NOTE_MAX),
    analyst: text(80),
    at: z.number().int().min(0),
    score: z.number().finite().nullable(),
    matrixVersion: z.number().int().nullable(),
    undoes: z.number().int().min(1).nullable(),
    // Entries whose notes an erasure or a retention purge erased: up to every entry of a log.
    refs: z.array(z.number().int().min(1)).max(REFS_MAX).optional(),
    supersedes: logHeadSchema.nullable().optional(),
    settles: z
      .array(z.object({ deviceId: text(100).min(1), seq: z.number().int().min(1) }).strict())
      .min(1)
      .max(10_000)
      .optional(),
    fired: z
      .array(z.object({ ruleId: text(80).min(1), points: z.number().finite(), text: text(300) }).strict())
      .min(1)
      .max(200)
      .optional(),
    form: z.literal(2).optional(),
    noteSalt: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
    noteHash: hex64.optional(),
    noteErased: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<DecisionEntry>;

/**
 * Throws unless `e` is an entry the app's own backups and its checkpoint keeper take back: one
 * they would refuse, written here, would make every later backup unrestorable.
 */
export function assertStorableEntry(e: DecisionEntry): void {
  const result = decisionEntrySchema.safeParse(e);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  throw new Error(`The log entry was not written: a backup would refuse it (${issue.path.join('.')}: ${issue.message})`);
}
