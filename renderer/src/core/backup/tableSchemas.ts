// Every stored table's rows, described once so a backup is checked row by row before anything
// is restored: a row of the wrong shape, an unknown table or an oversized field is refused with
// the table and row named, never written into a cache the app then cannot open.
import { z } from 'zod';
import { decisionEntrySchema, logHeadSchema } from '../../../../shared/decisions/schema';
import { NOTE_MAX, OVERRIDE_REASON_MAX } from '../../../../shared/decisions/reasons';
import { DISPUTE_STATUSES } from '../../../../shared/domain/dispute';
import { disputeSchema, paymentSchema, refundClaimSchema } from '../../../../shared/domain/recordSchemas';
import { ORDER_TEXT_FIELDS } from '../../../../shared/domain/order';
import { ORDER_HASH_FIELDS } from '../../../../shared/ingest/records';
import { DICT_FIELDS } from '../../../../shared/orders/columns';
import { metaRecordSchema } from '../storage/metaSchemas';
import { PAYMENT_BLOCK_SIZE } from '../storage/paymentStore';
import { ATTACHMENT_LIMITS, ATTACHMENT_PURPOSES, ATTACHMENT_TYPES } from '../../../../shared/disputes/attachments';
import type { DERIVED_TABLES, RETIRED_TABLES, TEAM_TABLES, WorkbenchDb } from '../storage/schema';

const id = z.number().int().min(0);
const time = z.number().finite();
const short = z.string().max(500);
/** A joined text column of up to 8,192 values. */
const column = z.string().max(16 * 1024 * 1024);
const u8 = z.instanceof(Uint8Array);
const f64 = z.instanceof(Float64Array);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const writeStamp = z.object({ importId: id, scope: short, hash: short }).strict();

// The domain's own fields are described once in shared/; a stored row adds the import that wrote it.
const payment = paymentSchema.extend({ stamp: writeStamp.optional() });

/** A refund claim as stored: entered by hand, or imported with the stamp of the import that wrote it. */
const refundClaim = refundClaimSchema.extend({ stamp: writeStamp.optional() });

const dispute = disputeSchema.extend({ stamp: writeStamp.optional() });

const rowProblem = z
  .object({
    file: short,
    line: z.number().int().min(0),
    column: z.number().int().min(0).optional(),
    columnName: short.optional(),
    code: z.string().max(50),
    reason: z.string().max(2000),
  })
  .strict();

const dictColumn = z.object({ values: z.array(z.string().max(500)).max(0x10000), codes: z.instanceof(Uint16Array) }).strict();

/** Row schemas per table of the current schema. A table missing here cannot be restored. */
/**
 * What a restore may set aside in the archive: rows of the append-only logs and of the tables kept
 * like them (restore.ts, lostAppendOnlyRows). A table missing here made every later backup of the
 * laptop unrestorable once a restore had archived one of its rows.
 */
export const ARCHIVED_TABLES = [
  'decisions',
  'disputeEvents',
  'matrices',
  'reportSnapshots',
  'exportLog',
  'retentionSummaries',
  'erasures',
  'ringMarks',
  'linkOverrides',
  'refundClaims',
  'disputeAttachments',
] as const;

export const TABLE_ROWS = {
  orderBlocks: z
    .object({
      id,
      minCreatedAt: time,
      maxCreatedAt: time,
      importId: id,
      live: u8,
      count: z.number().int().min(0).max(65_536),
      createdAt: f64,
      totalMinor: f64,
      marketplace: u8,
      status: u8,
    })
    .strict(),
  // Fields added later (riskLevel, the card checks) are absent from blocks written before them.
  orderText: z.object({ id, columns: z.partialRecord(z.enum(ORDER_TEXT_FIELDS), column) }).strict(),
  orderKeys: z.object({ id, keys: column, scopes: column, hashes: column }).strict(),
  // Dictionaries added later (knownOutcome) are absent from blocks written before them.
  orderReportColumns: z.object({ id, dict: z.partialRecord(z.enum(DICT_FIELDS), dictColumn), keyHashes: f64 }).strict(),
  // Blocks of payments (paymentStore.ts); their keys are derived again on restore.
  paymentBlocks: z.object({ id: id.min(1).max(2 ** 31), rows: z.array(payment).min(1).max(PAYMENT_BLOCK_SIZE) }).strict(),
  disputes: dispute,
  imports: z
    .object({
      id,
      fileName: short,
      fileSize: z.number().int().min(0),
      fileHash: z.string().max(200),
      format: short.nullable(),
      formatLabel: short.nullable(),
      startedAt: time,
      endedAt: time.nullable(),
      status: z.enum(['running', 'completed', 'cancelled', 'interrupted', 'failed', 'undone']),
      rows: z.number().int().min(0),
      created: z.number().int().min(0),
      updated: z.number().int().min(0),
      unchanged: z.number().int().min(0),
      quarantined: z.number().int().min(0),
      warnings: z.array(z.string().max(2000)).max(1000),
      errors: z.array(z.string().max(2000)).max(1000),
      enrichedOrders: z.number().int().min(0).optional(),
      changedFields: z.partialRecord(z.enum(ORDER_HASH_FIELDS), z.number().int().min(0)).optional(),
      // Absent from imports recorded before it was kept.
      misfitPayments: z
        .object({
          counts: z.object({ currency: z.number().int().min(0), amount: z.number().int().min(0), date: z.number().int().min(0) }).strict(),
          shopAsked: z.boolean(),
        })
        .strict()
        .optional(),
      readAs: z
        .object({
          encoding: short.nullable(),
          delimiter: z.string().min(1).max(8),
          headerLine: z.number().int().min(1),
          cardColumns: z.array(z.number().int().min(1)).max(100_000),
        })
        .strict()
        .optional(),
      undoneAt: time.nullable(),
      runLock: z.string().max(200).optional(),
      teamOpId: z.string().max(200).optional(),
    })
    .strict(),
  importUndo: z
    .object({
      id,
      importId: id,
      supersededOrders: z.instanceof(Uint32Array),
      payments: z.array(z.object({ key: short, previous: payment.nullable() }).strict()),
      disputes: z.array(z.object({ key: short, previous: dispute.nullable() }).strict()),
      claims: z.array(z.object({ key: short, previous: refundClaim.nullable() }).strict()).optional(),
    })
    .strict(),
  quarantine: z.object({ id, importId: id, problems: z.array(rowProblem).max(100_000) }).strict(),
  linkOverrides: z
    .object({
      id,
      type: z.string().max(50),
      value: short,
      action: z.enum(['allow', 'never-link']),
      reason: z.string().max(OVERRIDE_REASON_MAX),
      analyst: z.string().max(80),
      createdAt: time,
      revokes: id.optional(),
    })
    .strict(),
  ringMarks: z
    .object({
      id,
      ringId: short,
      status: z.enum(['confirmed-fraud', 'benign', 'needs-review', 'note']),
      orderKeys: z.array(short).max(1_000_000).optional(),
      note: z.string().max(NOTE_MAX),
      analyst: z.string().max(80),
      createdAt: time,
    })
    .strict(),
  decisions: decisionEntrySchema,
  decisionHead: z.object({ key: z.literal('head'), seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  disputeEvents: z
    .object({
      id,
      disputeId: short,
      kind: z.enum(['status', 'evidence', 'attachment']),
      status: z.enum(DISPUTE_STATUSES).optional(),
      item: short.optional(),
      checked: z.boolean().optional(),
      file: z
        .object({
          action: z.enum(['attached', 'removed']),
          attachmentId: id,
          type: z.enum(ATTACHMENT_TYPES),
          size: z.number().int().min(0).max(ATTACHMENT_LIMITS.fileBytes),
          sha256: sha256Hex,
        })
        .strict()
        .optional(),
      note: z.string().max(4000),
      analyst: z.string().max(80),
      at: time,
    })
    .strict(),
  // The bytes' type and hash are checked against the bytes themselves in checkBackup.
  disputeAttachments: z
    .object({
      id,
      disputeId: short,
      name: z.string().max(ATTACHMENT_LIMITS.nameChars),
      type: z.enum(ATTACHMENT_TYPES),
      purpose: z.enum(ATTACHMENT_PURPOSES),
      size: z.number().int().min(1).max(ATTACHMENT_LIMITS.fileBytes),
      sha256: sha256Hex,
      bytes: u8,
      addedAt: time,
      analyst: z.string().max(80),
    })
    .strict(),
  refundClaims: refundClaim,
  matrices: z
    .object({
      version: z.number().int().min(1),
      matrix: z
        .object({
          version: z.number().int().min(0),
          rules: z
            .array(z.object({ id: z.string().max(100), signal: z.string().max(100), atLeast: z.number().finite(), points: z.number().finite() }).strict())
            .max(500),
          thresholds: z.object({ review: z.number().finite(), hold: z.number().finite() }).strict(),
        })
        .strict(),
      analyst: z.string().max(80),
      savedAt: time,
      note: z.string().max(4000),
    })
    .strict(),
  reportSnapshots: z
    .object({
      id,
      kind: z.enum(['fraud-trend', 'kpi']),
      title: z.string().max(500),
      params: z.unknown(),
      figures: z.unknown(),
      dataHash: z.string().max(200),
      createdAt: time,
      analyst: z.string().max(80),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      logHead: logHeadSchema.optional(),
    })
    .strict(),
  meta: metaRecordSchema,
  exportLog: z
    .object({
      id,
      at: time,
      analyst: z.string().max(80),
      kind: z.enum(['csv', 'pdf', 'png', 'json', 'backup', 'checkpoint', 'rows-to-fix', 'decisions-csv', 'attachment']),
      fileName: z.string().max(300),
      rows: z.number().int().min(0).nullable(),
      what: z.string().max(500),
      logHead: logHeadSchema,
    })
    .strict(),
  logArchive: z
    .object({
      id,
      restoreSeq: z.number().int().min(1),
      restoreHash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      table: z.enum(ARCHIVED_TABLES),
      row: z.unknown(),
    })
    .strict()
    .superRefine((r, ctx) => {
      const inner = ARCHIVED_ROWS[r.table].safeParse(r.row);
      if (!inner.success) for (const issue of inner.error.issues) ctx.addIssue({ ...issue, path: ['row', ...issue.path] } as z.core.$ZodRawIssue);
    }),
  retentionSummaries: z
    .object({
      id,
      at: time,
      analyst: z.string().max(80),
      before: time,
      months: z
        .array(
          z
            .object({
              month: z.string().regex(/^\d{4}-\d{2}$/),
              orders: z.number().int().min(0),
              orderValueMinor: z.record(z.string().max(10), z.number().finite()),
              payments: z.number().int().min(0),
              disputes: z.number().int().min(0),
            })
            .strict(),
        )
        .max(10_000),
    })
    .strict(),
  erasures: z
    .object({
      id,
      at: time,
      analyst: z.string().max(80),
      seq: z.number().int().min(1),
      entryHash: sha256Hex,
      kind: z.enum(['erasure', 'retention']),
      reference: z.string().max(200),
      orderKeys: z.array(short).max(1_000_000),
      payments: z.array(short).max(1_000_000),
      noteHashes: z.array(sha256Hex).max(1_000_000),
      salt: z.string().regex(/^[0-9a-f]{32}$/),
      linkValueHashes: z.array(sha256Hex).max(100_000),
      // A cut-off a date can hold (a retention purge has one, an erasure none).
      before: z.number().int().min(0).max(8.64e15).optional(),
      // A teammate's erasure, applied here from their team event.
      fromTeam: z
        .object({
          analyst: z.string().max(80),
          deviceId: z.string().max(100),
          eventId: z.string().max(100),
          logSeq: z.number().int().min(1),
          at: time,
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((r) => (r.kind === 'retention') === (r.before !== undefined), {
      message: 'a retention purge has a cut-off date, an erasure none',
      path: ['before'],
    }),
} satisfies Record<
  Exclude<keyof WorkbenchDb, keyof import('dexie').Dexie | (typeof DERIVED_TABLES)[number] | (typeof TEAM_TABLES)[number] | (typeof RETIRED_TABLES)[number]>,
  z.ZodType
>;

/** Rows the archive may hold: those of the append-only logs, checked like the live ones. */
const ARCHIVED_ROWS: Record<(typeof ARCHIVED_TABLES)[number], z.ZodType> = {
  decisions: TABLE_ROWS.decisions,
  disputeEvents: TABLE_ROWS.disputeEvents,
  matrices: TABLE_ROWS.matrices,
  reportSnapshots: TABLE_ROWS.reportSnapshots,
  exportLog: TABLE_ROWS.exportLog,
  retentionSummaries: TABLE_ROWS.retentionSummaries,
  erasures: TABLE_ROWS.erasures,
  ringMarks: TABLE_ROWS.ringMarks,
  linkOverrides: TABLE_ROWS.linkOverrides,
  refundClaims: TABLE_ROWS.refundClaims,
  disputeAttachments: TABLE_ROWS.disputeAttachments,
};

export type TableName = keyof typeof TABLE_ROWS;
export const TABLE_NAMES = Object.keys(TABLE_ROWS) as TableName[];

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(TABLE_ROWS, name);
}

// Every field a stored row can have must be one its table's schema allows, or a backup of a
// cache that has such rows cannot be restored: imports gained `runLock` and `teamOpId`, their
// schema did not, and every backup written after an import was refused ("Unrecognized key").
// The compiler now holds each table's row type and its schema's keys together.
type RowOf<K extends TableName> = WorkbenchDb[K] extends import('dexie').Table<infer R, infer _K, infer _I> ? R : never;
type KeysNoSchemaAllows = { [K in TableName]: Exclude<keyof RowOf<K>, keyof z.input<(typeof TABLE_ROWS)[K]>> };
type EveryKeyChecked<T extends { [K in TableName]: never }> = T;
export type RowKeysChecked = EveryKeyChecked<KeysNoSchemaAllows>;
