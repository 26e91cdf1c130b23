// Team imports as they arrive and as teammates read them: a declaration, its chunks stored once
// each as sent, an upload's state, the ordered operations and their chunks. Ordering is importOrder.ts.
import type pg from 'pg';
import type { ImportDeclaration, OpsAnswer, TeamOp, UploadState } from '../../shared/team';
import { PUSH_LOCK } from '../events/eventStore';
import { refusal, type Refusal } from '../http/refusal';
import { inLockedTransaction } from '../postgres/lockedTransaction';
import { redactArriving } from './chunkRedaction';
import { OP_COLUMNS, OP_FROM, orderedOp, sameDeclaration, type OpRow } from './importOpRows';

/** A pool or a client inside a transaction: both read the same way. */
export type Db = Pick<pg.ClientBase, 'query'>;

/** Who declares or orders an operation, and the server's time. */
export interface Author {
  accountId: number;
  now: number;
}

export async function readOp(db: Db, opId: string, forUpdate = false): Promise<OpRow | null> {
  const r = await db.query<OpRow>(`SELECT ${OP_COLUMNS} FROM ${OP_FROM} WHERE o.op_id = $1${forUpdate ? ' FOR UPDATE OF o' : ''}`, [opId]);
  return r.rows[0] ?? null;
}

/** The team's live import of this file (same content, format and shop): ordered and not undone. */
export async function liveImportOf(db: Db, file: { fileHash: string; format: string; shop: string | null }, exceptOpId: string): Promise<TeamOp | null> {
  const r = await db.query<OpRow>(
    `SELECT ${OP_COLUMNS} FROM ${OP_FROM}
      WHERE o.kind = 'import' AND o.seq IS NOT NULL AND o.undone_by IS NULL
        AND o.file_hash = $1 AND o.format = $2 AND o.shop IS NOT DISTINCT FROM $3 AND o.op_id <> $4`,
    [file.fileHash, file.format, file.shop, exceptOpId],
  );
  return r.rows[0] ? orderedOp(r.rows[0]) : null;
}

export async function receivedChunks(db: Db, opId: string): Promise<number[]> {
  const r = await db.query<{ n: number }>('SELECT n FROM import_op_chunks WHERE op_id = $1 ORDER BY n', [opId]);
  return r.rows.map((row) => row.n);
}

export type Declared = { opId: string; received: number[]; fresh: boolean } | { duplicateOf: TeamOp };

/**
 * Keeps a declaration, or answers a resumed one with the chunks already held. A file the team
 * already holds live is answered with that operation and nothing is stored.
 */
export async function declareImport(pool: pg.Pool, d: ImportDeclaration, by: Author): Promise<Declared | Refusal> {
  const had = await readOp(pool, d.opId);
  if (had) return declaredAgain(pool, had, d, by);
  const live = await liveImportOf(pool, d, d.opId);
  if (live) return { duplicateOf: live };
  const inserted = await pool.query(
    `INSERT INTO import_ops (op_id, kind, file_name, file_hash, format, format_label, order_source, shop, records, chunk_hashes, digest, chunk_scheme, account_id, device_id, created_at)
     VALUES ($1, 'import', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (op_id) DO NOTHING`,
    [
      d.opId,
      d.fileName,
      d.fileHash,
      d.format,
      d.formatLabel,
      d.orderSource,
      d.shop,
      d.records,
      d.chunkHashes,
      d.digest,
      d.chunkScheme ?? 1,
      by.accountId,
      d.deviceId,
      by.now,
    ],
  );
  if (inserted.rowCount === 1) return { opId: d.opId, received: [], fresh: true };
  // The same declaration arrived twice at once (a retry racing its original): answer as a resume.
  const raced = await readOp(pool, d.opId);
  if (!raced) throw new Error(`import operation ${d.opId} was neither inserted nor found`);
  return declaredAgain(pool, raced, d, by);
}

async function declaredAgain(pool: pg.Pool, row: OpRow, d: ImportDeclaration, by: Author): Promise<Declared | Refusal> {
  if (row.account_id !== by.accountId) return notYours(d.opId);
  if (!sameDeclaration(row, d))
    return refusal(409, 'op-id-reused', `operation ${d.opId} was declared before with other content: declare a changed import under a new id`);
  if (row.seq === null) {
    const live = await liveImportOf(pool, d, d.opId);
    if (live) return { duplicateOf: live };
  }
  return { opId: d.opId, received: await receivedChunks(pool, d.opId), fresh: false };
}

/** Never declared, or swept since (uploadSweep.ts): the laptop declares it (again) and sends its chunks. */
export function noSuchImport(opId: string): Refusal {
  return refusal(404, 'no-such-import', `there is no team import ${opId}: declare it first`);
}

export function notYours(opId: string): Refusal {
  return refusal(403, 'not-yours', `import ${opId} was declared by another account: only its author sends its chunks and completes it`);
}

export interface StoredChunk {
  outcome: 'stored' | 'held' | 'gone';
  /** Lines stored redacted (people the team erased before the chunk arrived). */
  redacted: number;
}

/**
 * Stores a checked chunk: 'held' when it was already (a retry), which changes nothing; 'gone' when
 * its import was swept since it was read (uploadSweep.ts), which stores nothing. A scheme-2 chunk
 * is stored without the data of people the team erased before it arrived (`redacted` lines), under
 * the push lock, so an erasure being accepted meanwhile either comes first or sees the chunk.
 */
export async function storeChunk(
  pool: pg.Pool,
  op: { opId: string; orderSource: string; scheme: 1 | 2; hash: string },
  n: number,
  gzipBytes: Buffer,
  rawBytes: number,
): Promise<StoredChunk> {
  return inLockedTransaction<StoredChunk>(pool, PUSH_LOCK, async (db) => {
    const chunk = { op_id: op.opId, n, chunk_scheme: op.scheme, order_source: op.orderSource, hash: op.hash };
    const arriving = await redactArriving(db, chunk, gzipBytes);
    try {
      const r = await db.query('INSERT INTO import_op_chunks (op_id, n, bytes, raw_bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (op_id, n) DO NOTHING', [
        op.opId,
        n,
        arriving.gzipBytes,
        arriving.rawBytes ?? rawBytes,
      ]);
      return r.rowCount === 1 ? { commit: { outcome: 'stored', redacted: arriving.records } } : { commit: { outcome: 'held', redacted: 0 } };
    } catch (err) {
      if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return { rollBack: { outcome: 'gone', redacted: 0 } };
      throw err;
    }
  });
}

/** PostgreSQL's error code for a row naming a row that is not there (docs/15 errcodes-appendix). */
const FOREIGN_KEY_VIOLATION = '23503';

export async function holdsChunk(pool: pg.Pool, opId: string, n: number): Promise<boolean> {
  const r = await pool.query('SELECT 1 FROM import_op_chunks WHERE op_id = $1 AND n = $2', [opId, n]);
  return r.rowCount === 1;
}

export async function uploadState(pool: pg.Pool, opId: string): Promise<UploadState | null> {
  const row = await readOp(pool, opId);
  if (!row) return null;
  return { opId, received: await receivedChunks(pool, opId), seq: row.seq === null ? null : Number(row.seq) };
}

/**
 * The ordered operations after a place, oldest first. The latest place is read first and bounds
 * the page: places are handed out only after the one before committed, so none below it is missing.
 */
export async function orderedOps(pool: pg.Pool, after: number, limit: number): Promise<OpsAnswer> {
  const latest = Number((await pool.query<{ latest: string }>('SELECT coalesce(max(seq), 0) AS latest FROM import_ops')).rows[0]!.latest);
  const r = await pool.query<OpRow>(`SELECT ${OP_COLUMNS} FROM ${OP_FROM} WHERE o.seq > $1 AND o.seq <= $2 ORDER BY o.seq LIMIT $3`, [
    after,
    latest,
    limit + 1,
  ]);
  return { ops: r.rows.slice(0, limit).map(orderedOp), latest, more: r.rows.length > limit };
}

/** A chunk of an ordered import, as its author sent it; null for an operation not (yet) in the team's order. */
export async function orderedChunk(pool: pg.Pool, opId: string, n: number): Promise<Buffer | null> {
  const r = await pool.query<{ bytes: Buffer }>(
    'SELECT c.bytes FROM import_op_chunks c JOIN import_ops o ON o.op_id = c.op_id WHERE c.op_id = $1 AND c.n = $2 AND o.seq IS NOT NULL',
    [opId, n],
  );
  return r.rows[0]?.bytes ?? null;
}
