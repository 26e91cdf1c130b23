// One set of orders per team (issue 16): this laptop's imports made while signed in are pushed
// as operations the server orders, and the team's operations are pulled and applied in that
// order. Imports made here and not yet ordered sit on top: lifted (undone) while the team's
// operations go under them, then written again from their kept records, so every laptop ends
// with the same live orders whatever it held before. Every step may stop and run again.
import type { Clock } from '../../../../shared/time/clock';
import type { TeamOp } from '../../../../shared/team';
import { ImportHistory } from '../imports/importHistory';
import { importRecords, type ImportOutcome } from '../imports/importRunner';
import type { RunLocks } from '../storage/runLocks';
import type { TeamOpRecord, WorkbenchDb } from '../storage/schema';
import { TeamStore, type TeamSession } from '../storage/teamStore';
import { checkTeamOrders, liveDigestHere, type TeamOrdersCheck } from './teamOrdersCheck';
import { teamOpSource } from './teamOpSource';
import { TeamRefusal, TeamUnreachable, type TeamTransport } from './teamTransport';

export interface TeamOrdersDeps {
  db: WorkbenchDb;
  clock: Clock;
  locks: RunLocks;
  transport: (origin: string) => TeamTransport;
  newId: () => string;
}

export interface TeamOrdersRound {
  /** Whether the cache's orders changed (the window reads them again). */
  changed: boolean;
  /** Imports made here waiting to be shared, and what stopped the round, if anything. */
  waiting: number;
  problem: string | null;
}

/**
 * What a round is doing, for the window: fetching a team import's chunks, writing its records, or
 * done with one operation (`applied`: the window reads the cache again, so the app works on what
 * has arrived while the rest comes).
 */
export type TeamOrdersProgress =
  | { phase: 'download'; fileName: string; by: string; done: number; total: number }
  /** Rows written so far (an order of several line items is several rows), of an operation of `records` records. */
  | { phase: 'apply'; fileName: string; by: string; rows: number; records: number }
  | { phase: 'applied'; fileName: string; by: string };

/** How a push of one import ended ('none': nothing waits), and whether the cache's orders changed. */
type Pushed = { outcome: 'none' | 'done' | 'behind' | 'duplicate' | 'refused'; changed: boolean };

/** Rounds of pull, apply and push in one sync (a busy team can order an operation in between). */
const MAX_PASSES = 5;

export class TeamOrders {
  private readonly store: TeamStore;
  private readonly history: ImportHistory;
  /** The window's progress callback for the round running now (none between rounds). */
  private report: (p: TeamOrdersProgress) => void = () => undefined;

  constructor(private readonly deps: TeamOrdersDeps) {
    this.store = new TeamStore(deps.db);
    this.history = new ImportHistory(deps.db, deps.clock, deps.locks);
  }

  /** Pull the team's operations, apply them under this laptop's own, push its own; the server unreachable is not a problem. */
  async sync(onProgress?: (p: TeamOrdersProgress) => void): Promise<TeamOrdersRound> {
    this.report = onProgress ?? (() => undefined);
    try {
      return await this.round();
    } finally {
      this.report = () => undefined;
    }
  }

  private async round(): Promise<TeamOrdersRound> {
    const session = await this.store.get('session');
    let changed = false;
    let problem: string | null = null;
    if (session) {
      const transport = this.deps.transport(session.origin);
      try {
        for (let pass = 0; pass < MAX_PASSES; pass++) {
          await this.pull(session, transport);
          changed = (await this.applyPulled(session, transport)) || changed;
          const pushed = await this.pushNext(session, transport);
          changed = pushed.changed || changed;
          if (pushed.outcome === 'none') break;
        }
      } catch (e) {
        if (!(e instanceof TeamUnreachable)) problem = (e as Error).message;
      }
    }
    return { changed, waiting: await this.deps.db.teamOps.filter((o) => o.state === 'waiting').count(), problem };
  }

  /** The place in the team's order this laptop has pulled to. */
  private async cursor(): Promise<number> {
    const last = await this.deps.db.teamOps.orderBy('seq').last();
    return last?.seq ?? 0;
  }

  /** The last ordered operation whose effect is in this cache (the place a push is based on). */
  async appliedSeq(): Promise<number> {
    const ordered = await this.deps.db.teamOps.orderBy('seq').toArray();
    let at = 0;
    for (const o of ordered) {
      if (!o.applied && !(o.kind === 'import' && o.state === 'shared' && undoneLater(o, ordered))) break;
      at = o.seq!;
    }
    return at;
  }

  /** Stores the team's operations after the cursor (their records are fetched as each is applied). */
  private async pull(session: TeamSession, transport: TeamTransport): Promise<void> {
    const { db } = this.deps;
    for (;;) {
      const page = await transport.teamOps(session.token, await this.cursor(), 200);
      for (const op of page.ops) {
        const known = await db.teamOps.get(op.opId);
        // One of this laptop's own, ordered though its answer was lost: it is applied already.
        if (known) {
          await db.teamOps.update(op.opId, { seq: op.seq, state: 'shared', liveDigest: op.liveDigest, problem: null });
          if (known.applied) await dropChunks(db, op.opId);
        } else await db.teamOps.put(recordOf(op));
        // Records of an import fetched but not applied before the team undid it are of no more use.
        if (!known && op.kind === 'undo' && op.undoes && !(await db.teamOps.get(op.undoes))?.applied) await dropChunks(db, op.undoes);
      }
      if (!page.more || page.ops.length === 0) break;
    }
  }

  /** Applies the ordered operations not yet applied, in order, with this laptop's own lifted above them. */
  private async applyPulled(session: TeamSession, transport: TeamTransport): Promise<boolean> {
    const { db } = this.deps;
    const ordered = await db.teamOps.orderBy('seq').toArray();
    const pending = ordered.filter((o) => !o.applied && !(o.kind === 'import' && undoneLater(o, ordered)));
    if (pending.length === 0) return false;
    // This laptop's own imports are lifted once the first operation's records are here, and put
    // back whatever happens next (a fetch cut off leaves them on top, as they were).
    let lifted: TeamOpRecord[] | null = null;
    try {
      for (const op of pending) {
        // One operation at a time: its records fetched, then written, so the first arrive first.
        if (op.kind === 'import') await this.fetch(session, transport, op);
        lifted ??= await this.liftOwn();
        if (op.kind === 'import') {
          await this.applyImport(op);
          // Nothing of this laptop's own is above it: the window may show it now.
          if (lifted.length === 0) this.report({ phase: 'applied', fileName: op.fileName, by: op.by });
          continue;
        }
        const target = op.undoes ? await db.teamOps.get(op.undoes) : undefined;
        if (target?.applied && target.importId !== null) {
          await this.history.undo(target.importId);
          await db.teamOps.update(target.opId, { applied: false, importId: null });
        }
        await db.teamOps.update(op.opId, { applied: true });
      }
    } finally {
      if (lifted) await this.restoreOwn(lifted);
    }
    return true;
  }

  /** Undoes this laptop's not-yet-ordered imports, newest first; returns them oldest first. */
  private async liftOwn(above?: TeamOpRecord): Promise<TeamOpRecord[]> {
    const { db } = this.deps;
    // One kept without its records (the team's schema refused them) cannot be written again: it stays where it is.
    const own = (await db.teamOps.filter((o) => o.state !== 'shared' && o.applied && o.importId !== null && o.chunkHashes.length > 0).toArray())
      .filter((o) => !above || o.importId! > above.importId!)
      .sort((a, b) => b.importId! - a.importId!);
    for (const op of own) {
      await this.history.undo(op.importId!);
      await db.teamOps.update(op.opId, { applied: false, importId: null });
    }
    return own.reverse();
  }

  private async restoreOwn(lifted: readonly TeamOpRecord[]): Promise<void> {
    for (const op of lifted) {
      const now = await this.deps.db.teamOps.get(op.opId);
      if (now && now.state !== 'duplicate') await this.applyImport(now);
    }
  }

  /** Writes an operation's records as an import of this cache; a run cut short is undone, to be applied again. */
  private async applyImport(op: TeamOpRecord): Promise<ImportOutcome> {
    const { db, clock, locks } = this.deps;
    await this.undoPartial(op.opId);
    const progress = (p: { rows: number }) => this.report({ phase: 'apply', fileName: op.fileName, by: op.by, rows: p.rows, records: op.records });
    const outcome = await importRecords(db, { name: op.fileName, size: 0 }, teamOpSource(db, op), undefined, progress, clock, locks, { teamOpId: op.opId });
    if (outcome.status !== 'completed') {
      await this.undoPartial(op.opId);
      throw new Error(`The team import of ${op.fileName} could not be applied here: ${outcome.error ?? outcome.status}`);
    }
    // Written again after a lift, this laptop's own keeps what it says (why the team refused it, say).
    await db.teamOps.update(op.opId, { applied: true, importId: outcome.importId, ...(op.state === 'shared' ? { problem: null } : {}) });
    // An ordered operation's records are the server's to give again; this laptop's own wait here until ordered.
    if (op.state === 'shared') await dropChunks(db, op.opId);
    return outcome;
  }

  /** An earlier run of this operation that did not end well (a crash, a full disk) is undone first. */
  private async undoPartial(opId: string): Promise<void> {
    const { db } = this.deps;
    await this.history.recoverInterrupted();
    const partial = await db.imports.filter((i) => i.teamOpId === opId && i.status !== 'undone' && i.status !== 'completed').toArray();
    for (const i of partial.sort((a, b) => b.id! - a.id!)) {
      const changed = i.created + i.updated + (i.enrichedOrders ?? 0) > 0 || i.status !== 'failed';
      if (changed) await this.history.undo(i.id!);
      else await db.imports.update(i.id!, { status: 'undone', undoneAt: this.deps.clock.now() });
    }
  }

  /** Sends the oldest import made here that waits: declare, the chunks the server lacks, then ask for its place. */
  private async pushNext(session: TeamSession, transport: TeamTransport): Promise<Pushed> {
    const { db } = this.deps;
    const waiting = (await db.teamOps.filter((o) => o.state === 'waiting' && o.applied && o.importId !== null).toArray()).sort(
      (a, b) => a.importId! - b.importId!,
    );
    const op = waiting[0];
    if (!op) return { outcome: 'none', changed: false };
    try {
      try {
        return await this.send(session, transport, op);
      } catch (e) {
        // The server swept the upload (declared too long ago: server/imports/uploadSweep.ts)
        // before a chunk or the completion arrived. Declared again, it is sent whole, once.
        if (!(e instanceof TeamRefusal) || e.answer.code !== 'no-such-import') throw e;
        return await this.send(session, transport, op);
      }
    } catch (e) {
      if (!(e instanceof TeamRefusal)) throw e;
      if (e.answer.code === 'behind') return { outcome: 'behind', changed: false };
      if (e.status === 403) {
        // No right to import for the team: the import stays on this laptop, and says so.
        await db.teamOps.update(op.opId, { state: 'refused', problem: e.message });
        return { outcome: 'refused', changed: false };
      }
      await db.teamOps.update(op.opId, { problem: e.message });
      throw e;
    }
  }

  /** Declares one import, sends the chunks the server lacks, and asks for its place. */
  private async send(session: TeamSession, transport: TeamTransport, op: TeamOpRecord): Promise<Pushed> {
    const { db } = this.deps;
    const declared = await transport.declareImport(session.token, declarationOf(op));
    if ('duplicateOf' in declared) return { outcome: 'duplicate', changed: await this.dropAsDuplicate(op, declared.duplicateOf) };
    const received = new Set(declared.received);
    for (let n = 0; n < op.chunkHashes.length; n++) {
      if (received.has(n)) continue;
      const chunk = await db.teamOpChunks.get([op.opId, n]);
      if (!chunk) throw new Error(`${op.fileName}: its records are no longer on this laptop (chunk ${n + 1})`);
      await transport.uploadChunk(session.token, op.opId, n, chunk.gzip);
    }
    // What this laptop holds with the operation in place and nothing of its own above it.
    const lifted = await this.liftOwn(op);
    let answer;
    try {
      answer = await transport.completeImport(session.token, op.opId, { basedOn: await this.appliedSeq(), liveDigest: await liveDigestHere(db, [op.opId]) });
    } finally {
      await this.restoreOwn(lifted);
    }
    if ('duplicateOf' in answer) return { outcome: 'duplicate', changed: await this.dropAsDuplicate(op, answer.duplicateOf) };
    await db.teamOps.update(op.opId, { seq: answer.op.seq, state: 'shared', liveDigest: answer.op.liveDigest, at: answer.op.at, problem: null });
    await dropChunks(db, op.opId);
    return { outcome: 'done', changed: false };
  }

  /** The server already holds this file as `team`'s operation: this laptop's copy goes, the team's stands. */
  private async dropAsDuplicate(op: TeamOpRecord, team: TeamOp): Promise<boolean> {
    const { db } = this.deps;
    const lifted = await this.liftOwn(op);
    const now = await db.teamOps.get(op.opId);
    if (now?.importId != null) await this.history.undo(now.importId);
    await db.teamOps.update(op.opId, { state: 'duplicate', applied: false, importId: null, problem: `the team already has this file, imported by ${team.by}` });
    await dropChunks(db, op.opId);
    if (!(await db.teamOps.get(team.opId))) await db.teamOps.put(recordOf(team));
    await this.restoreOwn(lifted);
    return true;
  }

  /**
   * Undoes an import for the whole team: only the newest team import, by a role the server lets
   * undo, and with the server reachable. Undone here first (what the digest must show), it is
   * written again from the server's records if the server refuses.
   */
  async undoShared(op: TeamOpRecord): Promise<void> {
    const session = await this.store.get('session');
    if (!session) throw new Error(`${op.fileName} is a team import: sign in to the team to undo it for everyone`);
    const transport = this.deps.transport(session.origin);
    await this.pull(session, transport);
    await this.applyPulled(session, transport);
    const { db } = this.deps;
    // The place this undo is based on: every operation up to the newest is applied here.
    const basedOn = await this.appliedSeq();
    const lifted = await this.liftOwn(op);
    const current = (await db.teamOps.get(op.opId))!;
    if (current.importId !== null) await this.history.undo(current.importId);
    await db.teamOps.update(op.opId, { applied: false, importId: null });
    try {
      const undoOpId = this.deps.newId();
      const deviceId = await this.store.deviceId(this.deps.newId);
      const answer = await transport.undoImport(session.token, op.opId, {
        undoOpId,
        deviceId,
        basedOn,
        liveDigest: await liveDigestHere(db, []),
      });
      if ('op' in answer) await db.teamOps.put({ ...recordOf(answer.op), applied: true });
    } catch (e) {
      // Refused or unreachable: the import is written again from the team's records.
      await this.pull(session, transport).catch(() => undefined);
      await this.fetch(session, transport, current).catch(() => undefined);
      await this.applyImport((await db.teamOps.get(op.opId))!);
      throw e;
    } finally {
      await this.restoreOwn(lifted);
    }
  }

  /** An import made here and undone before it was shared: it goes, with its records, and is never sent. */
  async forget(opId: string): Promise<void> {
    const op = await this.deps.db.teamOps.get(opId);
    if (!op || op.state === 'shared') return;
    await this.deps.db.teamOps.delete(opId);
    await dropChunks(this.deps.db, opId);
  }

  /** The consistency check: the team's latest operations pulled first when the server answers. */
  async check(): Promise<TeamOrdersCheck> {
    const session = await this.store.get('session');
    if (session) {
      try {
        await this.pull(session, this.deps.transport(session.origin));
      } catch (e) {
        if (!(e instanceof TeamUnreachable)) throw e;
      }
    }
    return checkTeamOrders(this.deps.db, await this.appliedSeq(), await this.cursor());
  }

  /** The chunks of an operation this laptop does not hold yet; those already here are not fetched again. */
  private async fetch(session: TeamSession, transport: TeamTransport, op: TeamOpRecord): Promise<void> {
    for (let n = 0; n < op.chunkHashes.length; n++) {
      if (await this.deps.db.teamOpChunks.get([op.opId, n])) continue;
      this.report({ phase: 'download', fileName: op.fileName, by: op.by, done: n, total: op.chunkHashes.length });
      await this.deps.db.teamOpChunks.put({ opId: op.opId, n, gzip: await transport.opChunk(session.token, op.opId, n) });
    }
  }
}

/** An import a later ordered undo took back: nothing to apply (its undo has nothing to do either). */
function undoneLater(op: TeamOpRecord, ordered: readonly TeamOpRecord[]): boolean {
  return ordered.some((u) => u.kind === 'undo' && u.undoes === op.opId && u.seq! > op.seq!);
}

function recordOf(op: TeamOp): TeamOpRecord {
  return { ...op, state: 'shared', applied: false, importId: null, problem: null };
}

function declarationOf(op: TeamOpRecord) {
  return {
    opId: op.opId,
    deviceId: op.deviceId,
    fileName: op.fileName,
    fileHash: op.fileHash,
    format: op.format,
    formatLabel: op.formatLabel,
    shop: op.shop,
    orderSource: op.orderSource,
    records: op.records,
    chunkHashes: op.chunkHashes,
    digest: op.digest,
    ...(op.chunkScheme === 2 ? { chunkScheme: op.chunkScheme } : {}),
  };
}

async function dropChunks(db: WorkbenchDb, opId: string): Promise<void> {
  await db.teamOpChunks.where('[opId+n]').between([opId, 0], [opId, Infinity]).delete();
}
