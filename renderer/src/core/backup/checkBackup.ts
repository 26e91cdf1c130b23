// Checks a staged backup as a whole before anything is restored: every row against its table's
// schema, the column blocks against each other, the counts against the header, the decision log's
// chain and head, every snapshot's hash. The first problem found is the one error the analyst
// sees, naming the table and row; a backup that passes can be written without surprises.
import { BackupError } from '../../../../shared/backup/container';
import { verifyChain, type DecisionEntry } from '../../../../shared/decisions/chain';
import { MARKETPLACES, ORDER_STATUSES } from '../../../../shared/domain/order';
import { FIELD_SEPARATOR } from '../../../../shared/orders/columns';
import { holdsCardNumber } from '../../../../shared/domain/cardNumbers';
import { sha256 } from '../../../../shared/decisions/chain';
import { snapshotCanonical } from '../reports/reportService';
import { ATTACHMENT_LIMITS, sniffAttachment } from '../../../../shared/disputes/attachments';
import { sha256Hex } from '../disputes/attachmentService';
import type {
  DisputeAttachmentRecord,
  OrderBlockRecord,
  PaymentBlockRecord,
  OrderKeyRecord,
  OrderReportColumnsRecord,
  OrderTextRecord,
  ReportSnapshotRecord,
} from '../storage/schema';
import { SCHEMA_HISTORY } from '../storage/schema';
import type { StagedBackup } from './readBackup';
import { countRows, SUMMARY_ORDER, type SummaryCounts } from './summary';
import { TABLE_NAMES, TABLE_ROWS, type TableName } from './tableSchemas';

function refuse(message: string): never {
  throw new BackupError(message);
}

/** Every row of every table against its schema; the first that fails is named. */
function checkRows(staged: StagedBackup): void {
  for (const name of TABLE_NAMES) {
    const rows = staged.tables.get(name) ?? [];
    const schema = TABLE_ROWS[name];
    for (let i = 0; i < rows.length; i++) {
      const r = schema.safeParse(rows[i]);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        const where = issue.path.length ? issue.path.join('.') : 'the row';
        refuse(`The backup's ${name} row ${i + 1} is not valid: ${where} ${issue.message}`);
      }
    }
  }
  for (const name of staged.tables.keys()) if (!TABLE_NAMES.includes(name)) refuse(`The backup holds a table this app does not know: ${name}`);
}

function splitCount(column: string): number {
  let n = 1;
  for (let i = column.indexOf(FIELD_SEPARATOR); i >= 0; i = column.indexOf(FIELD_SEPARATOR, i + 1)) n++;
  return n;
}

/** Each payment once: two copies of one id would leave the cache's lookups naming one block and counting two. */
function checkPaymentBlocks(staged: StagedBackup): void {
  const blocks = new Set<number>();
  const ids = new Set<string>();
  for (const b of (staged.tables.get('paymentBlocks') ?? []) as PaymentBlockRecord[]) {
    if (blocks.has(b.id)) refuse(`The backup holds payment block ${b.id} twice`);
    blocks.add(b.id);
    for (const p of b.rows) {
      if (ids.has(p.id)) refuse(`The backup holds payment ${p.id.slice(0, 60)} twice`);
      ids.add(p.id);
    }
  }
}

/** Each table's primary key as the schema now declares it: '++id' is id, '[opId+n]' is [opId, n]. */
function primaryKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const v of SCHEMA_HISTORY)
    for (const [name, spec] of Object.entries(v.stores)) {
      const first = spec
        ?.split(',')[0]!
        .trim()
        .replace(/^(\+\+|&)/, '');
      if (first) keys.set(name, first.startsWith('[') ? first.slice(1, -1).split('+') : [first]);
      else keys.delete(name);
    }
  return keys;
}

/**
 * No two rows of a table under one key: the app never writes them, and a restore would fail on
 * the second part-way through its transaction with a storage error instead of this message.
 * Rows of auto-numbered tables that carry no key are numbered when written, so they never clash.
 */
function checkPrimaryKeys(staged: StagedBackup): void {
  const keys = primaryKeys();
  for (const name of TABLE_NAMES) {
    const path = keys.get(name);
    if (!path) continue;
    const seen = new Map<string, number>();
    ((staged.tables.get(name) ?? []) as Record<string, unknown>[]).forEach((row, i) => {
      const key = path.map((p) => row[p]);
      if (key.some((k) => k === undefined)) return;
      const text = JSON.stringify(key.length === 1 ? key[0] : key);
      const first = seen.get(text);
      if (first !== undefined)
        refuse(
          `The backup's ${name} row ${i + 1} has the key ${text.slice(0, 60)} of row ${first + 1}: this app never writes two rows under one key, so the backup was changed by hand`,
        );
      seen.set(text, i);
    });
  }
}

/** Column blocks must agree with each other: a block the app cannot open would make the cache unusable. */
function checkBlocks(staged: StagedBackup): void {
  checkPaymentBlocks(staged);
  const blocks = (staged.tables.get('orderBlocks') ?? []) as OrderBlockRecord[];
  const byId = new Map<number, OrderBlockRecord>();
  for (const b of blocks) {
    if (byId.has(b.id)) refuse(`The backup holds order block ${b.id} twice`);
    byId.set(b.id, b);
    const n = b.count;
    for (const [field, arr] of [
      ['live', b.live],
      ['createdAt', b.createdAt],
      ['totalMinor', b.totalMinor],
      ['marketplace', b.marketplace],
      ['status', b.status],
    ] as const) {
      if (arr.length !== n) refuse(`The backup's order block ${b.id} is not valid: ${field} has ${arr.length} values for ${n} orders`);
    }
    for (let i = 0; i < n; i++) {
      if (b.live[i]! > 1) refuse(`The backup's order block ${b.id} is not valid: live flag ${b.live[i]} at row ${i + 1}`);
      if (b.marketplace[i]! >= MARKETPLACES.length) refuse(`The backup's order block ${b.id} is not valid: unknown channel at row ${i + 1}`);
      if (b.status[i]! >= ORDER_STATUSES.length) refuse(`The backup's order block ${b.id} is not valid: unknown status at row ${i + 1}`);
    }
  }
  const sameIds = (name: 'orderText' | 'orderKeys') => {
    const rows = (staged.tables.get(name) ?? []) as { id: number }[];
    if (rows.length !== blocks.length || rows.some((r) => !byId.has(r.id))) refuse(`The backup's ${name} does not match its order blocks`);
  };
  sameIds('orderText');
  sameIds('orderKeys');
  for (const t of (staged.tables.get('orderText') ?? []) as OrderTextRecord[]) {
    const n = byId.get(t.id)!.count;
    for (const [field, col] of Object.entries(t.columns))
      if (splitCount(col) !== n)
        refuse(`The backup's order block ${t.id} is not valid: text column ${field} holds another number of values than the block has orders`);
  }
  for (const k of (staged.tables.get('orderKeys') ?? []) as OrderKeyRecord[]) {
    const n = byId.get(k.id)!.count;
    if (splitCount(k.keys) !== n || splitCount(k.scopes) !== n || splitCount(k.hashes) !== n)
      refuse(`The backup's order block ${k.id} is not valid: its upsert keys do not match its orders`);
  }
  for (const r of (staged.tables.get('orderReportColumns') ?? []) as OrderReportColumnsRecord[]) {
    const b = byId.get(r.id);
    if (!b) refuse(`The backup's report columns name order block ${r.id}, which it does not hold`);
    if (r.keyHashes.length !== b.count) refuse(`The backup's report columns of block ${r.id} do not match its orders`);
    for (const [field, d] of Object.entries(r.dict)) {
      if (d.codes.length !== b.count) refuse(`The backup's report columns of block ${r.id} do not match its orders (${field})`);
      for (const c of d.codes) if (c >= d.values.length) refuse(`The backup's report columns of block ${r.id} are not valid (${field})`);
    }
  }
}

/**
 * No side door for card data: a restore brings in nothing an import would not have reduced or refused.
 * The import never stores a full card number, so a backup holding one was made by hand.
 */
function checkCardData(staged: StagedBackup): void {
  for (const t of (staged.tables.get('orderText') ?? []) as OrderTextRecord[]) {
    for (const [field, col] of Object.entries(t.columns)) {
      if (holdsCardNumber(col, field === 'phone'))
        refuse(`The backup's order block ${t.id} holds a full card number in ${field}: this app never stores one, so the backup was changed by hand`);
    }
    for (const v of (t.columns.cardBin ?? '').split(FIELD_SEPARATOR))
      if (!/^\d{0,8}$/.test(v)) refuse(`The backup's order block ${t.id} holds a card BIN longer than 8 digits`);
    for (const v of (t.columns.cardLast4 ?? '').split(FIELD_SEPARATOR))
      if (!/^\d{0,4}$/.test(v)) refuse(`The backup's order block ${t.id} holds more than the last 4 digits of a card`);
  }
  const payments = ((staged.tables.get('paymentBlocks') ?? []) as PaymentBlockRecord[]).flatMap((b) => b.rows);
  for (const name of ['payments', 'disputes'] as const) {
    const rows = (name === 'payments' ? payments : (staged.tables.get(name) ?? [])) as Record<string, unknown>[];
    rows.forEach((row, i) => {
      for (const v of Object.values(row))
        if (typeof v === 'string' && holdsCardNumber(v))
          refuse(`The backup's ${name} row ${i + 1} holds a full card number: this app never stores one, so the backup was changed by hand`);
    });
  }
}

/** The name a backup's header lists an attachment under: its id, never the file's own name (the header is not encrypted). */
export const attachmentFileName = (id: number) => `disputeAttachments/${id}`;

/**
 * Attached files are what their rows say: the bytes hash to their SHA-256, are of the checked type
 * by content (a backup cannot bring in a program or a page as an image), within the limits, and
 * listed in the header with the same size and hash.
 */
async function checkAttachments(staged: StagedBackup): Promise<void> {
  const rows = (staged.tables.get('disputeAttachments') ?? []) as DisputeAttachmentRecord[];
  const perDispute = new Map<string, number>();
  for (const a of rows) {
    const where = `The backup's attachment ${a.id}`;
    if (a.bytes.length !== a.size) refuse(`${where} holds ${a.bytes.length} bytes, not the ${a.size} its row says`);
    if ((await sha256Hex(a.bytes)) !== a.sha256) refuse(`${where} does not match its SHA-256: it was changed after it was attached`);
    const sniffed = sniffAttachment(a.name, a.bytes);
    if (!sniffed.ok || sniffed.type !== a.type) refuse(`${where} is not the ${a.type.toUpperCase()} its row says it is: refused`);
    const total = (perDispute.get(a.disputeId) ?? 0) + a.size;
    if (total > ATTACHMENT_LIMITS.disputeBytes) refuse(`The backup's attachments of one dispute come to more than any dispute may hold`);
    perDispute.set(a.disputeId, total);
  }
  if (!staged.header || staged.schemaVersion < 9) return;
  const listed = new Map(staged.header.files.map((f) => [f.name, f]));
  if (listed.size !== rows.length) refuse(`The backup's header lists ${listed.size} files, but it holds ${rows.length} attachments`);
  for (const a of rows) {
    const f = listed.get(attachmentFileName(a.id!));
    if (!f || f.bytes !== a.size || f.sha256 !== a.sha256)
      refuse(`The backup's attachment ${a.id} is not the file its header lists: it was changed after it was written`);
  }
}

export interface CheckedBackup {
  counts: SummaryCounts;
  entries: DecisionEntry[];
}

/** All checks; returns what the confirm dialog needs, or throws the first problem. */
export async function checkBackup(staged: StagedBackup): Promise<CheckedBackup> {
  checkRows(staged);
  checkBlocks(staged);
  checkPrimaryKeys(staged);
  checkCardData(staged);
  await checkAttachments(staged);
  const counts = countRows(staged.tables);
  if (staged.header) {
    for (const key of SUMMARY_ORDER) {
      const said = staged.header.counts[key];
      if (said !== undefined && said !== counts[key])
        refuse(`The backup's header says ${said} ${key}, but it holds ${counts[key]}: it was changed after it was written`);
    }
  }
  const entries = [...((staged.tables.get('decisions') ?? []) as DecisionEntry[])].sort((a, b) => a.seq - b.seq);
  const headRow = ((staged.tables.get('decisionHead') ?? []) as { seq: number; hash: string }[])[0] ?? null;
  const chain = await verifyChain(entries, headRow);
  if (!chain.ok) refuse(`The backup's decision log does not verify: ${chain.reason} (entry ${chain.seq})`);
  if (staged.header) {
    const last = entries.at(-1);
    if ((last?.seq ?? 0) !== staged.header.logHead.seq || (last && last.hash !== staged.header.logHead.hash))
      refuse("The backup's header names another decision-log head than its log ends at: it was changed after it was written");
  }
  for (const s of (staged.tables.get('reportSnapshots') ?? []) as ReportSnapshotRecord[]) {
    const { id: _id, hash, ...base } = s;
    if ((await sha256(snapshotCanonical(base))) !== hash)
      refuse(`The backup's report snapshot ${s.id} does not match its hash: it was changed after it was saved`);
  }
  return { counts, entries };
}

export type { TableName };
