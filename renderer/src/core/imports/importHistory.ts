// The import history: what each import did, its quarantined rows, Undo of the newest import,
// and recovery of imports a crash interrupted (not those another tab is still running).
import { systemClock, type Clock } from '../../../../shared/time/clock';
import type { RowProblem } from '../../../../shared/ingest/problems';
import { defaultRunLocks, type RunLocks } from '../storage/runLocks';
import type { ImportRecord, StoredPayment, WorkbenchDb } from '../storage/schema';
import { PaymentStore } from '../storage/paymentStore';

export type ImportEntry = ImportRecord & { id: number; undoable: boolean };

/** The history row of an import that has just started: running, nothing read or counted yet. */
export function runningImport(file: { name: string; size: number }, startedAt: number): ImportRecord {
  return {
    fileName: file.name,
    fileSize: file.size,
    fileHash: '',
    format: null,
    formatLabel: null,
    startedAt,
    endedAt: null,
    status: 'running',
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    warnings: [],
    errors: [],
    undoneAt: null,
  };
}

export class ImportHistory {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
    private readonly locks: RunLocks = defaultRunLocks(),
  ) {}

  /**
   * Newest first. Only the newest import not yet undone can be undone; a file that failed before
   * writing anything (no format read it) has nothing to undo and blocks none.
   */
  async list(): Promise<ImportEntry[]> {
    const all = (await this.db.imports.orderBy('id').reverse().toArray()) as (ImportRecord & { id: number })[];
    const changed = (i: ImportRecord) => i.status !== 'failed' || i.created + i.updated + (i.enrichedOrders ?? 0) > 0;
    const newest = all.find((i) => i.status !== 'undone' && changed(i));
    return all.map((i) => ({ ...i, undoable: i === newest && i.status !== 'running' }));
  }

  async problems(importId: number): Promise<RowProblem[]> {
    const recs = await this.db.quarantine.where('importId').equals(importId).sortBy('id');
    return recs.flatMap((r) => r.problems);
  }

  /**
   * Marks interrupted the imports still recorded as running whose tab no longer holds their
   * lock: cut off by a crash, a closed tab or a full disk. One that another tab is running
   * stays running. Returns how many were marked.
   */
  async recoverInterrupted(): Promise<number> {
    const running = await this.db.imports.where('status').equals('running').toArray();
    let marked = 0;
    for (const rec of running) {
      if (rec.runLock !== undefined && (await this.locks.isHeld(rec.runLock))) continue;
      // Only if still running: the import may have ended between the two reads.
      marked += await this.db.imports
        .where('id')
        .equals(rec.id!)
        .and((i) => i.status === 'running')
        .modify({ status: 'interrupted', endedAt: this.clock.now() });
    }
    return marked;
  }

  /** Removes what the import created and restores what it replaced, in one transaction. */
  async undo(importId: number): Promise<void> {
    const db = this.db;
    await db.transaction(
      'rw',
      [
        db.imports,
        db.importUndo,
        db.orderBlocks,
        db.orderText,
        db.orderKeys,
        db.orderReportColumns,
        db.paymentBlocks,
        db.paymentKeys,
        db.disputes,
        db.refundClaims,
      ],
      async () => {
        const entries = await this.list();
        const target = entries.find((e) => e.id === importId);
        if (!target) throw new Error(`Import ${importId} is not in the history`);
        if (!target.undoable) {
          throw new Error(target.status === 'undone' ? 'This import was already undone' : 'Undo the newer imports first: imports are undone newest first');
        }
        const undo = await db.importUndo.where('importId').equals(importId).reverse().sortBy('id');
        const revive = new Map<number, number[]>();
        // Undone newest first: what a payment was before its first change here is what stands.
        const paymentsBefore = new Map<string, StoredPayment | null>();
        for (const u of undo) {
          for (const p of [...u.payments].reverse()) paymentsBefore.set(p.key, p.previous);
          for (const d of [...u.disputes].reverse()) {
            if (d.previous) await db.disputes.put(d.previous);
            else await db.disputes.delete(d.key);
          }
          for (const c of [...(u.claims ?? [])].reverse()) {
            if (c.previous) await db.refundClaims.put(c.previous);
            else await db.refundClaims.delete(c.key);
          }
          for (let i = 0; i < u.supersededOrders.length; i += 2) {
            const rows = revive.get(u.supersededOrders[i]!) ?? [];
            rows.push(u.supersededOrders[i + 1]!);
            revive.set(u.supersededOrders[i]!, rows);
          }
        }
        const payments = new PaymentStore(db);
        await payments.put([...paymentsBefore.values()].filter((p) => p !== null));
        await payments.delete([...paymentsBefore].filter(([, p]) => p === null).map(([key]) => key));
        for (const [blockId, rows] of revive) {
          const block = await db.orderBlocks.get(blockId);
          if (!block) continue;
          for (const r of rows) block.live[r] = 1;
          await db.orderBlocks.update(blockId, { live: block.live });
        }
        const blockIds = (await db.orderBlocks.where('importId').equals(importId).primaryKeys()) as number[];
        await db.orderBlocks.bulkDelete(blockIds);
        await db.orderText.bulkDelete(blockIds);
        await db.orderKeys.bulkDelete(blockIds);
        await db.orderReportColumns.bulkDelete(blockIds);
        await db.importUndo.where('importId').equals(importId).delete();
        await db.imports.update(importId, { status: 'undone', undoneAt: this.clock.now() });
      },
    );
  }
}
