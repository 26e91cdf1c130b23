// How an import operation sits in PostgreSQL and how a row becomes the TeamOp every laptop reads:
// one column list and one reader, shared by the store, the ordering and the pulls.
import type { ImportDeclaration, LiveDigest, TeamOp } from '../../shared/team';

/** The columns read for an operation, with its author's name (`by`). */
export const OP_COLUMNS = `o.op_id::text, o.seq, o.kind, o.undoes::text, o.file_name, o.file_hash, o.format, o.format_label, o.order_source, o.shop, o.records,
  o.chunk_hashes, o.digest, o.chunk_scheme, o.account_id, a.name AS by, o.device_id::text, o.created_at, o.ordered_at, o.live_digest, o.undone_by::text`;
export const OP_FROM = 'import_ops o JOIN accounts a ON a.id = o.account_id';

export interface OpRow {
  op_id: string;
  seq: string | null;
  kind: 'import' | 'undo';
  undoes: string | null;
  file_name: string;
  file_hash: string;
  format: string;
  format_label: string;
  order_source: string;
  shop: string | null;
  records: number;
  chunk_hashes: string[];
  digest: string;
  chunk_scheme: 1 | 2;
  account_id: number;
  by: string;
  device_id: string;
  created_at: string;
  ordered_at: string | null;
  live_digest: LiveDigest | null;
  undone_by: string | null;
}

/** An ordered operation as the team reads it; null while it is not ordered. */
export function teamOpOf(row: OpRow): TeamOp | null {
  if (row.seq === null || row.ordered_at === null || row.live_digest === null) return null;
  return {
    seq: Number(row.seq),
    opId: row.op_id,
    kind: row.kind,
    undoes: row.undoes,
    fileName: row.file_name,
    fileHash: row.file_hash,
    format: row.format,
    formatLabel: row.format_label,
    orderSource: row.order_source,
    shop: row.shop,
    records: row.records,
    chunkHashes: row.chunk_hashes,
    digest: row.digest,
    // Scheme 1 is left unnamed: an operation declared before schemes reads as it always did.
    ...(row.chunk_scheme === 2 ? { chunkScheme: 2 as const } : {}),
    by: row.by,
    deviceId: row.device_id,
    at: Number(row.ordered_at),
    liveDigest: row.live_digest,
  };
}

/** An ordered row's TeamOp, for rows the query already chose ordered. */
export function orderedOp(row: OpRow): TeamOp {
  const op = teamOpOf(row);
  if (!op) throw new Error(`import operation ${row.op_id} was read as ordered but has no place`);
  return op;
}

/** Whether a declaration sent again is the one stored: a resumed upload, not a reused id. */
export function sameDeclaration(row: OpRow, d: ImportDeclaration): boolean {
  return (
    row.kind === 'import' &&
    row.device_id === d.deviceId &&
    row.file_name === d.fileName &&
    row.file_hash === d.fileHash &&
    row.format === d.format &&
    row.format_label === d.formatLabel &&
    row.order_source === d.orderSource &&
    row.shop === d.shop &&
    row.records === d.records &&
    row.digest === d.digest &&
    row.chunk_scheme === (d.chunkScheme ?? 1) &&
    row.chunk_hashes.length === d.chunkHashes.length &&
    row.chunk_hashes.every((h, i) => h === d.chunkHashes[i])
  );
}
