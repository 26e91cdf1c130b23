// The local cache's schema. Every version ever shipped stays listed here with its upgrade,
// so a laptop that skipped releases still migrates step by step (see test/unit/core).
import type { Stamped, WriteStamp } from '../../../../shared/ingest/writePlan';
import { Dexie, type EntityTable } from 'dexie';
import { randomSalt, type DecisionEntry } from '../../../../shared/decisions/chain';
import { appendOnly } from './appendOnly';
import type { OrderDictColumns, OrderKeyColumns, OrderTextColumns } from '../../../../shared/orders/columns';
import type { Payment } from '../../../../shared/domain/payment';
import type { Dispute } from '../../../../shared/domain/dispute';
import type { RowProblem } from '../../../../shared/ingest/problems';
import type { MisfitCounts } from '../../../../shared/orders/paymentFit';
import { PAYMENT_BLOCK_SIZE, paymentKeysOf } from './paymentStore';

export const DB_NAME = 'fraud-workbench';

/**
 * Orders are stored in blocks of up to ORDER_BLOCK_SIZE rows, column-wise: one record of
 * compact key columns (dates, totals, channel, status) that loads for all orders at start,
 * and one record of text columns per block that loads on demand. One record per order
 * would cap a 1M-order cache at ~16k rows/s on write and seconds on every open.
 */
export interface OrderBlockRecord extends OrderKeyColumns {
  id: number;
  minCreatedAt: number;
  maxCreatedAt: number;
  /** The import that wrote the block; 0 for demo data. */
  importId: number;
  /** 1 for the current version of an order, 0 once a later import superseded it. */
  live: Uint8Array;
}

/**
 * What reports need of a block beyond its key columns, kept apart so opening the cache does not
 * read it: the grouping fields dictionary-encoded and a keyHash per row's order key. Blocks
 * written before this existed have none; readers derive it from text and stored keys.
 */
export interface OrderReportColumnsRecord {
  id: number;
  /** Blocks written before a dictionary field existed lack it (mergeDicts reads their rows as ''). */
  dict: Partial<OrderDictColumns>;
  keyHashes: Float64Array;
}
/** Upsert identity of a block's rows: `source:externalId`, and the scope and hash each was written with. */
export interface OrderKeyRecord {
  id: number;
  keys: string;
  scopes: string;
  hashes: string;
}

export type ImportStatus = 'running' | 'completed' | 'cancelled' | 'interrupted' | 'failed' | 'undone';

export interface ImportRecord {
  id?: number;
  fileName: string;
  fileSize: number;
  /** Content hash of the file's bytes (final when the import ends). */
  fileHash: string;
  format: string | null;
  formatLabel: string | null;
  startedAt: number;
  endedAt: number | null;
  status: ImportStatus;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  warnings: string[];
  errors: string[];
  /** Own-shop orders that took card and IP details from payments in this import. */
  enrichedOrders?: number;
  /** Per order field, in how many stored orders this import's updates changed it (absent: none, or imported before this was kept). */
  changedFields?: Record<string, number>;
  /**
   * The file's payments that named an order they did not fit, so were not joined (paymentFit.ts), by
   * reason, and whether the analyst said which shop they are from, as the import card said it. Absent:
   * every one fit, or imported before this was kept.
   */
  misfitPayments?: { counts: MisfitCounts; shopAsked: boolean };
  /**
   * How the file was read, so its rows to fix can be written again from the file chosen again:
   * the history keeps each quarantined row's problems, never the row. Absent for a file read
   * without a header row, and for imports made before this was kept.
   */
  readAs?: FileReading;
  /** When undone, and why it could be. */
  undoneAt: number | null;
  /**
   * The Web Lock the tab running the import holds until the import ends (runLocks.ts): while
   * it is held the import is running elsewhere, not interrupted. Absent before locks existed.
   */
  runLock?: string;
  /** The team operation (issue 16) this import is: made here and shared or waiting, or a teammate's applied here. */
  teamOpId?: string;
}

/**
 * A team import operation as this laptop knows it (issue 16). `waiting`: made here, not yet
 * ordered by the server; `shared`: ordered (its `seq`); `duplicate`: the server already had the
 * file as another operation, which stands instead; `refused`: the server will not take it (no
 * right to import for the team), so it stays on this laptop only.
 */
export interface TeamOpRecord {
  opId: string;
  seq: number | null;
  kind: 'import' | 'undo';
  undoes: string | null;
  state: 'waiting' | 'shared' | 'duplicate' | 'refused';
  /** Whether its effect is in the cache now (imports: its records written; undos: done). */
  applied: boolean;
  /** The local import that wrote its records, while it has one. */
  importId: number | null;
  fileName: string;
  fileHash: string;
  format: string;
  formatLabel: string;
  shop: string | null;
  /** Which source's orders its payments refer to (the preset's orderSource). */
  orderSource: string;
  records: number;
  chunkHashes: string[];
  digest: string;
  /** 2: its chunks are hashed line by line (chunkLeaves.ts), so the server can redact them; absent: scheme 1. */
  chunkScheme?: 2;
  by: string;
  deviceId: string;
  at: number;
  /** What its author held right after it (shared operations). */
  liveDigest: import('../../../../shared/team/importOps').LiveDigest | null;
  /** Why it is refused, or what stopped it last. */
  problem: string | null;
}

/** One chunk of a team operation's records, gzip as it travels. */
export interface TeamOpChunkRecord {
  opId: string;
  n: number;
  gzip: Uint8Array;
}

/** What an import changed, per batch, so Undo can restore exactly the state before it. */
export interface ImportUndoRecord {
  id?: number;
  importId: number;
  /** Order rows this import superseded, as [blockId, row] pairs. */
  supersededOrders: Uint32Array;
  /** Payments and disputes it created (previous = null) or replaced (previous value). */
  payments: { key: string; previous: StoredPayment | null }[];
  disputes: { key: string; previous: StoredDispute | null }[];
  /** Refund claims it created or replaced; absent in undo data written before claims were imported. */
  claims?: { key: string; previous: StoredClaim | null }[];
}

/** The layout an import read its file in: what rows to fix needs besides the file and its problems. */
export interface FileReading {
  encoding: string | null;
  delimiter: string;
  headerLine: number;
  /** Columns (1-based) the import found card numbers in (FileSummary.cardColumns). */
  cardColumns: number[];
}

export interface QuarantineRecord {
  id?: number;
  importId: number;
  problems: RowProblem[];
}

/**
 * An analyst's decision about one key value: link it although it looks like a hub, or never
 * link it (splits a ring). Append-only: undoing one appends a record that revokes it.
 */
export interface LinkOverrideRecord {
  id?: number;
  type: string;
  value: string;
  action: 'allow' | 'never-link';
  reason: string;
  analyst: string;
  createdAt: number;
  /** Set on a revocation: the id of the override it takes back. */
  revokes?: number;
}

/** An analyst's verdict on a ring, append-only; the latest per ring is its current status. */
export interface RingMarkRecord {
  id?: number;
  ringId: string;
  /** A verdict, or `note`: an analyst's note that leaves the verdict as it was. */
  status: 'confirmed-fraud' | 'benign' | 'needs-review' | 'note';
  /** The ring's orders when the verdict was given (reports count what was confirmed). */
  orderKeys?: string[];
  note: string;
  analyst: string;
  createdAt: number;
}

export type { WriteStamp };
export type StoredPayment = Stamped<Payment>;

/** Up to PAYMENT_BLOCK_SIZE payments, in the order they were first written (paymentStore.ts). */
export interface PaymentBlockRecord {
  id: number;
  rows: StoredPayment[];
}

/** A payment block's lookups: its ids, order references and dates, row by row. */
export interface PaymentKeysRecord {
  /** A block's id; MARK_ID (0) holds the write mark instead (paymentStore.ts). */
  id: number;
  /** The payments' write mark, on the MARK_ID record only. */
  mark?: string;
  /** Its payments (ids.length), indexed: the cache's payment count reads index keys only. */
  count: number;
  ids: string[];
  orderRefs: string[];
  createdAt: Float64Array;
}
export type StoredDispute = Stamped<Dispute>;
/** A refund claim: entered by hand (no stamp) or by an import, stamped like a dispute. */
export type StoredClaim = Stamped<import('../../../../shared/disputes/claims').RefundClaim>;
export interface OrderTextRecord {
  id: number;
  columns: OrderTextColumns;
}
export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

/**
 * What a long schema upgrade is doing while the cache opens (the sidebar shows it: a large cache
 * can take seconds once, at the first start of a new release), null when none runs here.
 */
export const upgradeProgress: { current: { what: string; done: number; total: number } | null } = { current: null };

/** Append-only history of the schema. Never edit a shipped entry; add a new one. */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      orderBlocks: 'id, importId',
      orderText: 'id',
      orderKeys: 'id',
      payments: 'id, orderRef, cardFingerprint, createdAt',
      disputes: 'id, orderKey, paymentId, dueAt, status, openedAt',
      imports: '++id, startedAt, status',
      importUndo: '++id, importId',
      quarantine: '++id, importId',
      linkOverrides: '++id, createdAt',
      ringMarks: '++id, ringId, createdAt',
      meta: 'key',
    },
  },
  {
    // The review decision log, keyed by chain position, append-only (appendOnly.ts), and the
    // head it must end at (seq and hash of the newest entry).
    version: 2,
    stores: {
      decisions: 'seq, orderKey, at',
      decisionHead: 'key',
    },
  },
  {
    // Disputes workflow: status changes and evidence ticks, append-only.
    version: 3,
    stores: {
      disputeEvents: '++id, disputeId, at',
    },
  },
  {
    // Scoring matrix versions as analysts saved them; each score names the version that made it.
    version: 4,
    stores: {
      matrices: 'version, savedAt',
    },
  },
  {
    // Saved reports: parameters, figures, data hash, time and analyst, append-only.
    version: 5,
    stores: {
      reportSnapshots: '++id, kind, createdAt',
    },
  },
  {
    // Report columns per order block (OrderReportColumnsRecord), read on a report's first use.
    version: 6,
    stores: {
      orderReportColumns: 'id',
    },
  },
  {
    // Trust: every file written (exportLog), decision-log entries a restore set aside
    // (logArchive), and what retention purged, kept as summaries (retentionSummaries). All append-only.
    version: 7,
    stores: {
      exportLog: '++id, at',
      logArchive: '++id, restoreSeq',
      retentionSummaries: '++id, at',
    },
  },
  {
    // The rings' key index, kept so an app start does not normalise every order again
    // (keyIndexStore.ts): derived data in a few binary records, never in backups.
    version: 8,
    stores: {
      keyIndex: 'part',
    },
  },
  {
    // Files attached to disputes (DisputeAttachmentRecord): the bytes with their checked type and
    // hash. Attaching and removing one is logged in disputeEvents, which stays append-only.
    // Refund claims (A-to-z, SAFE-T, PayPal, marketplace returns) entered beside the chargebacks;
    // their status changes are disputeEvents of `claim:<id>`.
    version: 9,
    stores: {
      disputeAttachments: '++id, disputeId',
      refundClaims: 'id, kind, openedAt',
    },
  },
  {
    // The team (issue 15): this laptop's chain of team events (teamOutbox, by seq), the teammates'
    // events pulled from the server and verified (teamEvents, by event id; by server order and by
    // the case they are about), and the sync's own state (teamState: session, device id, cursors).
    version: 10,
    stores: {
      teamState: 'key',
      teamOutbox: 'seq',
      teamEvents: 'id, serverSeq, subject',
    },
  },
  {
    // Personal text beside team events (notes, linked values, file names), by event id, for this
    // device's events and teammates' alike: kept apart from the append-only outbox and pulled
    // events, whose hashes cover only a salted hash of each text, so an erasure can blank it.
    version: 11,
    stores: {
      teamText: 'eventId, subject',
    },
  },
  {
    // Payments lose their cardFingerprint index: nothing ever looked a payment up by it (linking
    // reads fingerprints from orders), and every payment written paid for it, a quarter of the
    // demo load's writes among them. Their records keep the field.
    version: 12,
    stores: {
      payments: 'id, orderRef, createdAt',
    },
  },
  {
    // Team imports (issue 16): the operations this laptop knows (its own, waiting or shared, and
    // the team's, by the server's order) and their records in the gzip chunks they travel in.
    // Cached data like the orders they write: a cleared cache pulls them again.
    version: 13,
    stores: {
      teamOps: 'opId, seq, importId',
      teamOpChunks: '[opId+n]',
    },
  },
  {
    // Payments in blocks (paymentStore.ts): one record per payment cost ~100 µs each to write,
    // most of the demo load and of any large payments file. The payments move into blocks in id
    // order; the old table stays, emptied, so an app rolled back to an earlier release still
    // opens the cache (it then shows no payments until this release runs again).
    version: 14,
    stores: {
      paymentBlocks: 'id',
      // Indexed by count so the number of payments is summed from index keys, no block read.
      paymentKeys: 'id, count',
    },
    upgrade: async (tx) => {
      const legacy = tx.table<StoredPayment, string>('payments');
      const total = await legacy.count();
      let last: string | undefined;
      let done = 0;
      try {
        for (let id = 1; ; id++) {
          upgradeProgress.current = { what: 'moving payments into blocks', done, total };
          const rows = await (last === undefined ? legacy.orderBy(':id') : legacy.where(':id').above(last)).limit(PAYMENT_BLOCK_SIZE).toArray();
          if (rows.length === 0) break;
          last = rows.at(-1)!.id;
          const block: PaymentBlockRecord = { id, rows };
          await tx.table('paymentBlocks').add(block);
          await tx.table('paymentKeys').add(paymentKeysOf(block));
          done += rows.length;
        }
        await legacy.clear();
      } finally {
        upgradeProgress.current = null;
      }
    },
  },
  {
    // The erasure register (ErasureRecord): what each erasure and retention purge reached, so a
    // restore of a backup written before it, or an import of a file that still holds the person,
    // applies it again. Append-only, kept when the cache is cleared, merged by a restore.
    version: 15,
    stores: {
      erasures: '++id, at',
    },
    // Erasures and purges made before the register existed join it from the log: the notes they
    // erased (by their entries' hashes) and a purge's cut-off (its summary). The orders and
    // payments an older erasure reached are not known any more (their personal fields are blank).
    upgrade: async (tx) => {
      const decisions = await tx.table<DecisionEntry, number>('decisions').toArray();
      const summaries = await tx.table<RetentionSummaryRecord, number>('retentionSummaries').toArray();
      const hashOf = new Map(decisions.map((e) => [e.seq, e.hash]));
      for (const e of decisions) {
        if (e.decision !== 'erasure' && e.decision !== 'retention') continue;
        const noteHashes = (e.refs ?? []).flatMap((seq) => hashOf.get(seq) ?? []);
        const common = {
          at: e.at,
          analyst: e.analyst,
          seq: e.seq,
          entryHash: e.hash,
          orderKeys: [],
          payments: [],
          noteHashes,
          salt: randomSalt(),
          linkValueHashes: [],
        };
        if (e.decision === 'erasure') {
          const reference = /on request (.*?)(?:; |$)/.exec(e.note)?.[1] ?? '';
          if (reference) await tx.table<ErasureRecord, number>('erasures').add({ ...common, kind: 'erasure', reference });
        } else {
          const summary = summaries.find((r) => r.at === e.at && r.analyst === e.analyst);
          if (summary) await tx.table<ErasureRecord, number>('erasures').add({ ...common, kind: 'retention', reference: '', before: summary.before });
        }
      }
    },
  },
];

/** Tables of data derived from the others: rebuilt, never backed up or restored. */
export const DERIVED_TABLES = ['keyIndex', 'paymentKeys'] as const;

/** Tables an earlier schema used and this one leaves empty (kept so a rolled-back app still opens the cache). */
export const RETIRED_TABLES = ['payments'] as const;
/** The schema version that retired them: backups written before it still hold their rows. */
export const RETIRED_SINCE = 14;

/**
 * The team's tables, never backed up and left as they are by a restore. A backup is this laptop's
 * case history; the device's team chain belongs to the device (a second laptop restoring it would
 * fork it at the server), the teammates' events are the server's to give again, and the session
 * token must not travel in a file.
 */
export const TEAM_TABLES = ['teamState', 'teamOutbox', 'teamEvents', 'teamText', 'teamOps', 'teamOpChunks'] as const;

export const NOT_IN_BACKUPS: readonly string[] = [...DERIVED_TABLES, ...TEAM_TABLES, ...RETIRED_TABLES];

/** One part of the kept key index (see keyIndexStore.ts). */
export interface KeyIndexRecord {
  part: string;
  value: unknown;
}

/** Tables that clearing the cache keeps: what analysts decided is not cached data (append-only logs). */
export const KEPT_ON_WIPE: readonly string[] = [
  'decisions',
  'decisionHead',
  'disputeEvents',
  'disputeAttachments',
  'refundClaims',
  'matrices',
  'reportSnapshots',
  'exportLog',
  'logArchive',
  'retentionSummaries',
  'erasures',
  'teamState',
  'teamOutbox',
  'teamEvents',
  'teamText',
];

/** Tables only appends may change (appendOnly.ts), with the schema version that added each. */
export const APPEND_ONLY: readonly { table: string; since: number }[] = [
  { table: 'decisions', since: 2 },
  { table: 'disputeEvents', since: 3 },
  { table: 'matrices', since: 4 },
  { table: 'reportSnapshots', since: 5 },
  { table: 'exportLog', since: 7 },
  { table: 'logArchive', since: 7 },
  { table: 'retentionSummaries', since: 7 },
  { table: 'erasures', since: 15 },
  { table: 'teamOutbox', since: 10 },
  { table: 'teamEvents', since: 10 },
];

/** One file the app wrote: who, when, what, how many rows, from which decision-log head. */
export interface ExportLogRecord {
  id?: number;
  at: number;
  analyst: string;
  kind: 'csv' | 'pdf' | 'png' | 'json' | 'backup' | 'checkpoint' | 'rows-to-fix' | 'decisions-csv' | 'attachment';
  fileName: string;
  /** Rows written (a table's rows, a backup's orders), or null where rows mean nothing (a chart). */
  rows: number | null;
  /** What it shows, in a few words ("Fraud trend 2026-W40 to 2026-W47, by marketplace"). */
  what: string;
  logHead: { seq: number; hash: string };
}

/**
 * Rows of append-only logs (decisions, dispute changes, snapshots, exports...) that a restore of
 * an older backup set aside: kept, no longer in force, so nothing an analyst did vanishes.
 */
export interface LogArchiveRecord {
  id?: number;
  /** The seq of the restore entry that set it aside (a later restore may give that number to another entry). */
  restoreSeq: number;
  /** That restore entry's hash, which names it for good; absent on rows archived before it was recorded. */
  restoreHash?: string;
  table: string;
  row: unknown;
}

/** What a retention purge removed, kept as counts per month so reports over old months say so. */
export interface RetentionSummaryRecord {
  id?: number;
  at: number;
  analyst: string;
  /** Orders, payments and disputes dated before this were purged (epoch ms). */
  before: number;
  months: { month: string; orders: number; orderValueMinor: Record<string, number>; payments: number; disputes: number }[];
}

/**
 * One erasure or retention purge as the register keeps it: what it reached, so it can be applied
 * again to data that comes back (a restored backup written before it, a file imported again).
 * Order numbers and payment ids stay in the cache after an erasure anyway; the person's linked
 * values are kept only as salted SHA-256 hashes, enough to know them again, not to read them.
 */
export interface ErasureRecord {
  id?: number;
  at: number;
  analyst: string;
  /** The decision-log entry that logged it: its seq then, and its hash (a restore may set it aside and give its seq to another). */
  seq: number;
  entryHash: string;
  kind: 'erasure' | 'retention';
  /** Erasure: the request's reference (a ticket number), as logged. */
  reference: string;
  /** Erasure: the orders (source:externalId) and payments whose personal data went. */
  orderKeys: string[];
  payments: string[];
  /** Entries (by hash) whose notes went: a restored copy of one loses its note again. */
  noteHashes: string[];
  /** Random per record (hex), and SHA-256 of salt + each linked value (lower case) the erasure blanked. */
  salt: string;
  linkValueHashes: string[];
  /** Retention: personal data of orders, payments and notes dated before this went (epoch ms). */
  before?: number;
  /**
   * An erasure a teammate made, applied here from their team event: who made it, on which device
   * (its log seq there) and the event that carried it. The record's own seq, hash, time and analyst
   * are of this laptop's log entry saying it was applied.
   */
  fromTeam?: ErasureFromTeam;
}

export interface ErasureFromTeam {
  analyst: string;
  deviceId: string;
  eventId: string;
  logSeq: number;
  at: number;
}

/** A report as it was saved: reopening it shows these figures, whatever the cache holds now. */
export interface ReportSnapshotRecord {
  id?: number;
  kind: 'fraud-trend' | 'kpi';
  title: string;
  params: unknown;
  figures: unknown;
  /** SHA-256 of the data behind the figures when saved. */
  dataHash: string;
  createdAt: number;
  analyst: string;
  /** SHA-256 over kind, title, params, figures, dataHash, createdAt and analyst (and logHead, when set). */
  hash: string;
  /** The decision log's head when it was saved (snapshots since schema 7). */
  logHead?: { seq: number; hash: string };
}

/** A saved scoring matrix version. */
export interface MatrixRecord {
  version: number;
  matrix: import('../../../../shared/scoring/matrix').Matrix;
  analyst: string;
  savedAt: number;
  note: string;
}

/**
 * One step of a dispute's workflow: a status change, an evidence item ticked or unticked, or a file
 * attached or removed (named by its id, type, size and hash, never by its name: the log cannot be
 * erased, and a file's name can carry a customer's name).
 */
export interface DisputeEventRecord {
  id?: number;
  disputeId: string;
  kind: 'status' | 'evidence' | 'attachment';
  status?: import('../../../../shared/domain/dispute').DisputeStatus;
  item?: string;
  checked?: boolean;
  file?: AttachmentEventFile;
  note: string;
  analyst: string;
  at: number;
}

export interface AttachmentEventFile {
  action: 'attached' | 'removed';
  attachmentId: number;
  type: import('../../../../shared/disputes/attachments').AttachmentType;
  size: number;
  sha256: string;
}

/** A file attached to a dispute, as checked when it came in: its type is what its content says. */
export interface DisputeAttachmentRecord {
  id?: number;
  disputeId: string;
  /** The file's name as the analyst chose it (shown on the dispute and in its pack, never logged). */
  name: string;
  type: import('../../../../shared/disputes/attachments').AttachmentType;
  purpose: import('../../../../shared/disputes/attachments').AttachmentPurpose;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  bytes: Uint8Array;
  addedAt: number;
  analyst: string;
}

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export type WorkbenchDb = Dexie & {
  orderBlocks: EntityTable<OrderBlockRecord, 'id'>;
  orderText: EntityTable<OrderTextRecord, 'id'>;
  orderKeys: EntityTable<OrderKeyRecord, 'id'>;
  orderReportColumns: EntityTable<OrderReportColumnsRecord, 'id'>;
  paymentBlocks: EntityTable<PaymentBlockRecord, 'id'>;
  paymentKeys: EntityTable<PaymentKeysRecord, 'id'>;
  disputes: EntityTable<StoredDispute, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  importUndo: EntityTable<ImportUndoRecord, 'id'>;
  quarantine: EntityTable<QuarantineRecord, 'id'>;
  linkOverrides: EntityTable<LinkOverrideRecord, 'id'>;
  ringMarks: EntityTable<RingMarkRecord, 'id'>;
  decisions: EntityTable<DecisionEntry, 'seq'>;
  decisionHead: EntityTable<{ key: 'head'; seq: number; hash: string }, 'key'>;
  disputeEvents: EntityTable<DisputeEventRecord, 'id'>;
  disputeAttachments: EntityTable<DisputeAttachmentRecord, 'id'>;
  refundClaims: EntityTable<StoredClaim, 'id'>;
  matrices: EntityTable<MatrixRecord, 'version'>;
  reportSnapshots: EntityTable<ReportSnapshotRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  exportLog: EntityTable<ExportLogRecord, 'id'>;
  logArchive: EntityTable<LogArchiveRecord, 'id'>;
  retentionSummaries: EntityTable<RetentionSummaryRecord, 'id'>;
  erasures: EntityTable<ErasureRecord, 'id'>;
  keyIndex: EntityTable<KeyIndexRecord, 'part'>;
  teamState: EntityTable<TeamStateRecord, 'key'>;
  teamOutbox: EntityTable<import('../../../../shared/team/events').TeamEvent, 'seq'>;
  teamEvents: EntityTable<StoredTeamEvent, 'id'>;
  teamText: EntityTable<TeamTextRecord, 'eventId'>;
  teamOps: EntityTable<TeamOpRecord, 'opId'>;
  teamOpChunks: import('dexie').Table<TeamOpChunkRecord, [string, number]>;
};

/** The personal text beside one team event (this device's or a teammate's), blankable by an erasure. */
export interface TeamTextRecord {
  eventId: string;
  /** The case the event is about ('order:<key>', 'dispute:<id>', 'overrides'…), for erasures and lookups. */
  subject: string;
  at: number;
  personal: import('../../../../shared/team/personalText').PersonalText;
}

/** One named value of the team sync's state (teamState.ts reads each with its schema). */
export interface TeamStateRecord {
  key: string;
  value: unknown;
}

/** A teammate's event as pulled and verified, with the case it is about for lookups ('order:<key>', 'ring:<id>'). */
export type StoredTeamEvent = import('../../../../shared/team/messages').PulledEvent & { subject: string };

/** Opens the cache declaring the schema history up to `uptoVersion` (tests pass older ones). */
export function createDb(name = DB_NAME, uptoVersion = CURRENT_VERSION): WorkbenchDb {
  const db = new Dexie(name) as WorkbenchDb;
  for (const v of SCHEMA_HISTORY) {
    if (v.version > uptoVersion) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  const logs = APPEND_ONLY.filter((t) => t.since <= uptoVersion).map((t) => t.table);
  if (logs.length) db.use(appendOnly(logs));
  return db;
}
