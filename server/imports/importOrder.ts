// The team's order of import operations: completing an upload, or undoing an import, takes the
// next place one request at a time under a lock, and only for a laptop that applied every one before.
import type pg from 'pg';
import type { CompleteAnswer, CompleteRequest, UndoAnswer, UndoRequest } from '../../shared/team';
import { refusal, type Refusal } from '../http/refusal';
import { orderedOp, teamOpOf, type OpRow } from './importOpRows';
import { liveImportOf, noSuchImport, notYours, readOp, receivedChunks, type Author, type Db } from './importOpStore';
import { inLockedTransaction } from '../postgres/lockedTransaction';

/** Any number, the same in every server process: two orderings never run at once. */
const ORDER_LOCK = 0x7eab_0006;

/** Runs one ordering step in a transaction holding the order lock; a refusal commits nothing it did not mean to. */
function inOrder<T>(pool: pg.Pool, step: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  return inLockedTransaction(pool, ORDER_LOCK, async (db) => ({ commit: await step(db) }));
}

async function latestPlace(db: Db): Promise<number> {
  return Number((await db.query<{ latest: string }>('SELECT coalesce(max(seq), 0) AS latest FROM import_ops')).rows[0]!.latest);
}

/** A laptop must hold every operation before the one it adds, so all laptops apply them in one order. */
function outOfPlace(basedOn: number, latest: number): Refusal | null {
  if (basedOn === latest) return null;
  if (basedOn > latest)
    return refusal(
      409,
      'ahead',
      `this laptop has applied ${basedOn} team operations but the server knows only ${latest}: the server's data was replaced; ask an admin`,
      { latest },
    );
  return refusal(409, 'behind', `the team has operations after ${basedOn} (up to ${latest}): apply them first, then send this again`, { latest });
}

/** Orders an uploaded import right after the latest operation, or says why not. Completing it again answers the same. */
export async function completeImport(pool: pg.Pool, opId: string, request: CompleteRequest, by: Author): Promise<CompleteAnswer | Refusal> {
  return inOrder(pool, async (db) => {
    const row = await readOp(db, opId, true);
    if (!row) return noSuchImport(opId);
    if (row.account_id !== by.accountId) return notYours(opId);
    const ordered = teamOpOf(row);
    if (ordered) return { op: ordered };
    // Another laptop completed the same file meanwhile: this upload is dropped, that operation stands.
    const live = await liveImportOf(db, { fileHash: row.file_hash, format: row.format, shop: row.shop }, opId);
    if (live) {
      await db.query('DELETE FROM import_op_chunks WHERE op_id = $1', [opId]);
      return { duplicateOf: live };
    }
    const held = new Set(await receivedChunks(db, opId));
    const missing = row.chunk_hashes.map((_, n) => n).filter((n) => !held.has(n));
    if (missing.length > 0)
      return refusal(
        409,
        'chunks-missing',
        `import ${opId} lacks ${missing.length} of its ${row.chunk_hashes.length} chunks (${listed(missing)}): send them, then complete`,
        { missing },
      );
    const latest = await latestPlace(db);
    const refused = outOfPlace(request.basedOn, latest);
    if (refused) return refused;
    const seq = latest + 1;
    await db.query('UPDATE import_ops SET seq = $2, ordered_at = $3, live_digest = $4 WHERE op_id = $1', [
      opId,
      seq,
      by.now,
      JSON.stringify(request.liveDigest),
    ]);
    return { op: orderedOp({ ...row, seq: String(seq), ordered_at: String(by.now), live_digest: request.liveDigest }) };
  });
}

/**
 * Orders the undo of the team's newest live import as an operation of its own (`undoOpId`, chosen
 * by the laptop, so a retried request answers the same undo). Older imports wait for newer ones.
 */
export async function undoImport(pool: pg.Pool, targetId: string, request: UndoRequest, by: Author): Promise<UndoAnswer | Refusal> {
  return inOrder(pool, async (db) => {
    const already = await readOp(db, request.undoOpId);
    if (already) {
      const op = teamOpOf(already);
      if (already.kind === 'undo' && already.undoes === targetId && op) return { op };
      return refusal(409, 'op-id-reused', `operation ${request.undoOpId} exists and is not the undo of ${targetId}: undo under a new id`);
    }
    const target = await readOp(db, targetId, true);
    if (!target) return noSuchImport(targetId);
    const refused = (await undoable(db, target)) ?? outOfPlace(request.basedOn, await latestPlace(db));
    if (refused) return refused;
    const seq = (await latestPlace(db)) + 1;
    await db.query(
      `INSERT INTO import_ops (op_id, seq, kind, undoes, file_name, file_hash, format, format_label, order_source, shop, records, chunk_hashes, digest,
                               chunk_scheme, account_id, device_id, created_at, ordered_at, live_digest)
       SELECT $1, $2, 'undo', op_id, file_name, file_hash, format, format_label, order_source, shop, records, chunk_hashes, digest,
              chunk_scheme, $3, $4, $5, $5, $6
         FROM import_ops WHERE op_id = $7`,
      [request.undoOpId, seq, by.accountId, request.deviceId, by.now, JSON.stringify(request.liveDigest), targetId],
    );
    await db.query('UPDATE import_ops SET undone_by = $1 WHERE op_id = $2', [request.undoOpId, targetId]);
    const undo = await readOp(db, request.undoOpId);
    return { op: orderedOp(undo!) };
  });
}

/** Why this operation cannot be undone now, or null: it must be an ordered import, live, and the team's newest live one. */
async function undoable(db: Db, target: OpRow): Promise<Refusal | null> {
  const id = target.op_id;
  if (target.kind !== 'import') return refusal(409, 'not-an-import', `operation ${id} is an undo; to bring its import back, import the file again`);
  if (target.seq === null) return refusal(409, 'not-ordered', `import ${id} is not in the team's order yet: there is nothing to undo`);
  if (target.undone_by !== null) return refusal(409, 'already-undone', `import ${id} was undone already (operation ${target.undone_by})`);
  const newer = await db.query<{ file_name: string; seq: string }>(
    `SELECT file_name, seq FROM import_ops WHERE kind = 'import' AND seq > $1 AND undone_by IS NULL ORDER BY seq DESC`,
    [target.seq],
  );
  if (newer.rows.length === 0) return null;
  const names = newer.rows.map((r) => `"${r.file_name}" (operation ${r.seq})`);
  return refusal(409, 'not-newest', `undo the newer team imports first: ${listed(names)}`);
}

/** The first few items of a list, and how many more. */
function listed(items: readonly (string | number)[], max = 10): string {
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return items.slice(0, max).join(', ') + more;
}
