// Uploads declared and never completed: their declaration (a file name) and chunks (customers'
// names, e-mails, addresses) serve no purpose once their laptop has stopped sending them, so they
// are deleted after the retention age (TEAM_UNFINISHED_UPLOAD_DAYS), at start and every hour.
// Ordered operations and undos are never touched. A laptop that comes back later declares again
// and sends the chunks again: it keeps them until its import is ordered.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../../shared/time/clock';
import type { BeforeCommit } from '../events/eventStore';
import { inLockedTransaction } from '../postgres/lockedTransaction';

/** Any number, the same in every server process: two sweeps never run at once (each would count the other's). */
const SWEEP_LOCK = 0x7eab_0008;

/** How often the sweep runs after the first one at start: no upload outlives its age by more than this. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Swept {
  imports: number;
  chunks: number;
}

/**
 * Deletes the imports declared before `declaredBefore` and never ordered, with their chunks.
 * Each is locked first, skipping any a request holds: a completion ordering it (FOR UPDATE) or a
 * chunk being stored (its foreign key's lock) keeps it for now, and the next sweep sees it
 * ordered or older. A request that arrives while the sweep holds it waits, then finds it gone
 * and is refused as for an import never declared (404 no-such-import): the laptop declares again.
 */
export async function sweepUnfinishedUploads(pool: pg.Pool, declaredBefore: number, beforeCommit?: BeforeCommit): Promise<Swept> {
  return inLockedTransaction(pool, SWEEP_LOCK, async (db) => {
    const stale = await db.query<{ op_id: string }>(
      `SELECT op_id::text FROM import_ops WHERE kind = 'import' AND seq IS NULL AND created_at < $1 FOR UPDATE SKIP LOCKED`,
      [declaredBefore],
    );
    const ids = stale.rows.map((r) => r.op_id);
    if (ids.length === 0) return { commit: { imports: 0, chunks: 0 } };
    // The chunks go with their import (ON DELETE CASCADE); counted first, for the log. None can be
    // added meanwhile: storing one takes a lock on its import that waits for this transaction.
    const chunks = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_op_chunks WHERE op_id = ANY($1::uuid[])', [ids]);
    await db.query('DELETE FROM import_ops WHERE op_id = ANY($1::uuid[])', [ids]);
    if (beforeCommit) await beforeCommit(db);
    return { commit: { imports: ids.length, chunks: chunks.rows[0]!.n } };
  });
}

/** Runs a task every so often until stopped; tests give one they fire by hand. */
export interface Repeater {
  every(ms: number, task: () => Promise<void>): () => void;
}

export const timerRepeater: Repeater = {
  every(ms, task) {
    const handle = setInterval(() => void task(), ms);
    // A pending sweep does not keep a stopping process alive.
    handle.unref();
    return () => clearInterval(handle);
  },
};

export interface SweepDeps {
  pool: pg.Pool;
  clock: Clock;
  maxAgeDays: number;
  log: FastifyBaseLogger;
}

/**
 * One sweep at the server's time; logs counts only (a file name may name a customer). A failure
 * (the database away) is logged and waits for the next run: it never stops the server.
 */
export async function sweepOnce(deps: SweepDeps): Promise<void> {
  try {
    const swept = await sweepUnfinishedUploads(deps.pool, deps.clock.now() - deps.maxAgeDays * DAY_MS);
    if (swept.imports > 0) deps.log.info({ ...swept, maxAgeDays: deps.maxAgeDays }, 'unfinished uploads swept');
  } catch (err) {
    deps.log.warn({ err: { message: (err as Error).message } }, 'sweep of unfinished uploads failed');
  }
}

/** Sweeps now, then every SWEEP_EVERY_MS; returns what stops it. */
export async function startUploadSweep(deps: SweepDeps, repeater: Repeater): Promise<() => void> {
  await sweepOnce(deps);
  return repeater.every(SWEEP_EVERY_MS, () => sweepOnce(deps));
}
