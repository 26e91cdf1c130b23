// Backup and restore: the encrypted container round-trips every table; a restore is all or
// nothing; a wrong passphrase, an edited or cut-off file, a forged log or a foreign backup is
// refused before anything changes; an older backup sets later decisions aside, never drops them.
import { PAYMENT_BLOCK_SIZE, PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import type { PaymentBlockRecord } from '../../../renderer/src/core/storage/schema';
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, checkBackupFile, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { isWrongPassphrase } from '../../../shared/backup/container';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { ExportLog } from '../../../renderer/src/core/storage/exportLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, CURRENT_VERSION, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { chainEntry, headOf, sha256, type DecisionEntry } from '../../../shared/decisions/chain';
import { fixedClock } from '../../../shared/time/clock';
import { craftContainer, decisionInput, dump, fillCache, PASSPHRASE, tablesOf, TEST_ITERATIONS } from '../../support/backupCache';
import { order } from '../../support/orders';
import { readFileSync } from 'node:fs';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { chunked } from '../../support/importInput';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14, 0));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
async function cache(name: string, decisions = 3): Promise<WorkbenchDb> {
  const db = await fillCache(name, decisions);
  opened.push(db);
  return db;
}
const backupOf = async (db: WorkbenchDb) => (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
const restore = async (db: WorkbenchDb, file: Blob, reason = '', witnesses = []) =>
  applyRestore(db, await planRestore(db, await readBackup(file, PASSPHRASE), witnesses), { reason, clock });

describe('backup container', () => {
  it("round-trips every table, typed-array blocks included, and logs the restore after the backup's own log", async () => {
    const source = await cache('bk-source', 3);
    const before = await dump(source);
    const file = await backupOf(source);
    // Compact: 300 orders and the rest fit in a few kilobytes, and the header can be read without the passphrase.
    expect(file.size).toBeLessThan(40_000);
    expect(new TextDecoder().decode(await file.slice(0, 8).arrayBuffer())).toBe('FWBACKUP');

    // Restore over a cache holding other data with the same log prefix? No: a fresh laptop.
    const target = createDb('bk-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    const pending = await planRestore(target, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan.summary).toBe('300 orders, 1 payment, 1 dispute, 3 decisions, 1 dispute change, 1 ring verdict or note');
    expect(pending.plan).toMatchObject({
      verifiedTo: 3,
      relation: 'empty-here',
      lostDecisions: 0,
      needsReason: false,
      format: 'container',
      createdBy: 'K. Weber',
    });
    const entry = await applyRestore(target, pending, { reason: '', clock });
    const after = await dump(target);
    for (const name of Object.keys(before))
      if (name !== 'decisions' && name !== 'decisionHead' && name !== 'meta') expect(after[name], name).toEqual(before[name]);
    // Every setting the backup holds, except who sits at this laptop: L. Braun's next decisions are hers.
    expect(after['meta']).toEqual(before['meta']!.map((r) => (r.includes('"analystName"') ? '{"key":"analystName","value":"L. Braun"}' : r)));
    expect(after['decisions']!.slice(0, 3)).toEqual(before['decisions']);
    // Logged under the analyst who restored, naming the (empty) head it replaced.
    expect(entry).toMatchObject({ seq: 4, decision: 'restore', analyst: 'L. Braun', supersedes: { seq: 0 } });
    expect((await target.orderBlocks.toArray())[0]!.createdAt).toBeInstanceOf(Float64Array);
    expect((await new DecisionLog(target).verify()).chain).toEqual({ ok: true, entries: 4 });
    await expect(target.decisions.clear()).rejects.toThrow(/append-only/);
  });

  it("forgets the team import operations of the replaced cache, so the team's are applied again to the restored orders", async () => {
    const source = await cache('bk-team-source', 1);
    const file = await backupOf(source);
    const target = await cache('bk-team-target', 0);
    await target.teamOps.put({
      opId: '7d0c7a52-1b2c-4d3e-8f90-0a1b2c3d4e5f',
      seq: 1,
      kind: 'import',
      undoes: null,
      state: 'shared',
      applied: true,
      importId: 1,
      fileName: 'orders.csv',
      fileHash: 'f'.repeat(64),
      format: 'shopify-orders',
      formatLabel: 'Shopify orders',
      shop: null,
      orderSource: 'shopify',
      records: 1,
      chunkHashes: ['a'.repeat(64)],
      digest: 'b'.repeat(64),
      by: 'Ana Weber',
      deviceId: '0f1e2d3c-4b5a-4968-8776-655443322110',
      at: 0,
      liveDigest: { orders: 1, cells: '' },
      problem: null,
    });
    await target.teamOpChunks.put({ opId: '7d0c7a52-1b2c-4d3e-8f90-0a1b2c3d4e5f', n: 0, gzip: new Uint8Array([1]) });
    await restore(target, file, 'back to Monday');
    expect(await target.teamOps.count()).toBe(0);
    expect(await target.teamOpChunks.count()).toBe(0);
  });

  it("restores on a laptop that has team events, leaving this laptop's outbox and the teammates' events as they are", async () => {
    const db = await cache('bk-team-events', 2);
    const file = await backupOf(db);
    // Append-only and never in a backup: a restore neither clears nor writes them.
    const outbox = { seq: 1, id: 'e1', kind: 'decision', payload: {}, analyst: 'K. Weber', at: 1, hash: 'a'.repeat(64), prevHash: '0'.repeat(64) };
    await db.teamOutbox.add(outbox as never);
    await db.teamEvents.add({ id: 'x1', serverSeq: 1, subject: 'order:shopify:#1001' } as never);
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan).toMatchObject({ relation: 'same', lostDecisions: 0, lostOther: 0, keptOther: 0 });
    await applyRestore(db, pending, { reason: '', clock });
    expect(await db.teamOutbox.toArray()).toEqual([outbox]);
    expect(await db.teamEvents.toArray()).toEqual([{ id: 'x1', serverSeq: 1, subject: 'order:shopify:#1001' }]);
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 3 });
  });

  it('restores a backup written after a real import, whose history row holds the run lock it ran under', async () => {
    const db = await cache('bk-after-import', 1);
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url)));
    expect((await importFile(db, { name: 'shopify-orders.csv', size: bytes.length, chunks: chunked(bytes, 4096) })).status).toBe('completed');
    expect((await db.imports.toArray())[0]!.runLock).toEqual(expect.any(String));
    const file = await backupOf(db);
    const target = createDb('bk-after-import-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    await restore(target, file);
    expect(await target.imports.toArray()).toEqual(await db.imports.toArray());
  });

  it('round-trips the cost of responding to a dispute, checked by its meta schema', async () => {
    const source = await cache('bk-cost', 0);
    const cost = { costs: [{ currency: 'EUR', costMinor: 4000 }], defaultWinRate: 0.25, source: 'team estimate 2026-11', savedAt: Date.UTC(2026, 10, 3) };
    await source.meta.put({ key: 'responseCost', value: cost });
    const target = createDb('bk-cost-target');
    opened.push(target);
    await target.meta.put({ key: 'analystName', value: 'L. Braun' });
    await restore(target, await backupOf(source));
    expect((await target.meta.get('responseCost'))?.value).toEqual(cost);
  });

  it('round-trips known outcomes on orders (text and report dictionary) and payments', async () => {
    const source = await cache('bk-outcomes', 1);
    await new OrderRepository(source).append([order({ externalId: '#9001', knownOutcome: 'fraud' }), order({ externalId: '#9002', knownOutcome: 'legit' })]);
    await new PaymentStore(source).put([{ ...(await new PaymentStore(source).get('ch_1'))!, knownOutcome: 'fraud' }]);
    const target = createDb('bk-outcomes-target');
    opened.push(target);
    await restore(target, await backupOf(source));
    expect((await new PaymentStore(target).get('ch_1'))?.knownOutcome).toBe('fraud');
    const last = (await target.orderReportColumns.orderBy('id').last())!;
    expect(last.dict.knownOutcome!.values).toEqual(['fraud', 'legit']);
    expect((await target.orderText.get(last.id))!.columns.knownOutcome).toBe('fraud\u001flegit');
  });

  it('refuses a wrong passphrase, a file that is not a backup, and a header edited after writing; the cache is untouched', async () => {
    const db = await cache('bk-refuse');
    const file = await backupOf(db);
    const before = await dump(db);
    await expect(readBackup(file, 'not the passphrase at all')).rejects.toThrow('The passphrase is not the one this backup was written with');
    await expect(readBackup(new Blob(['Name,Email\n#1,a@b.de\n']), PASSPHRASE)).rejects.toThrow(/not a Fraud Workbench backup/);
    // Change the header's order count in place (same length): the chunks are bound to the header.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"orders":300');
    expect(at).toBeGreaterThan(0);
    bytes.set(new TextEncoder().encode('"orders":900'), at);
    await expect(readBackup(new Blob([bytes]), PASSPHRASE)).rejects.toThrow(/changed after it was written/);
    expect(await dump(db)).toEqual(before);
  });

  it('a file cut off anywhere is refused as cut off or damaged, never restored in part', async () => {
    const db = await cache('bk-cut');
    const file = await backupOf(db);
    for (let tenth = 1; tenth <= 9; tenth++) {
      const cut = file.slice(0, Math.floor((file.size * tenth) / 10));
      await expect(readBackup(cut, PASSPHRASE), `cut at ${tenth}0 %`).rejects.toThrow(/cut off|damaged|not a Fraud Workbench backup/);
    }
    await expect(readBackup(file.slice(0, file.size - 1), PASSPHRASE)).rejects.toThrow(/cut off|damaged/);
  });

  it('a file cut inside its header or a chunk is refused before any passphrase, saying how many bytes it has and needs', async () => {
    const db = await cache('bk-cut-early');
    const file = await backupOf(db);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const headerEnd = 12 + new DataView(bytes.buffer).getUint32(8, false);
    expect(await checkBackupFile(file)).toBe('container');
    await expect(checkBackupFile(file.slice(0, 100))).rejects.toThrow(
      `The backup is cut off (incomplete): it has 100 bytes, but its header alone needs at least ${headerEnd.toLocaleString('en-US')}`,
    );
    await expect(checkBackupFile(file.slice(0, 10))).rejects.toThrow('The backup is cut off (incomplete): it has 10 bytes, but its header needs at least 12');
    // The first chunk's length follows the header; cut halfway through that chunk.
    const firstEnd = headerEnd + 4 + new DataView(bytes.buffer).getUint32(headerEnd, false);
    const half = Math.floor((headerEnd + firstEnd) / 2);
    await expect(checkBackupFile(file.slice(0, half))).rejects.toThrow(
      `The backup is cut off (incomplete): it has ${half.toLocaleString('en-US')} bytes, but its part 1 needs at least ${firstEnd.toLocaleString('en-US')}`,
    );
    // Read with a passphrase, wrong or right, it is still the file that is said to be cut off.
    await expect(readBackup(file.slice(0, half), 'not the passphrase at all')).rejects.toThrow(/^The backup is cut off \(incomplete\)/);
    const wrong = await readBackup(file, 'not the passphrase at all').catch((e: unknown) => e);
    expect(isWrongPassphrase(wrong)).toBe(true);
    expect(isWrongPassphrase(await readBackup(file.slice(0, half), PASSPHRASE).catch((e: unknown) => e))).toBe(false);
  });

  it('a write that fails part-way leaves every table exactly as it was', async () => {
    const target = await cache('bk-fail-target', 2);
    const file = await backupOf(target);
    await new OrderRepository(target).append([order({ externalId: '#stale' })]);
    const before = await dump(target);
    const pending = await planRestore(target, await readBackup(file, PASSPHRASE), []);
    await expect(
      applyRestore(target, pending, {
        reason: '',
        clock,
        beforeCommit: () => {
          throw new Error('disk full (simulated)');
        },
      }),
    ).rejects.toThrow('disk full (simulated)');
    expect(await dump(target)).toEqual(before);
  });
});

describe('restore and the decision log', () => {
  it('an older backup of this laptop sets the newer decisions aside with a reason, archived and logged', async () => {
    const db = await cache('bk-older', 5);
    const file = await backupOf(db);
    const log = new DecisionLog(db);
    for (let i = 5; i < 16; i++) await log.append(decisionInput(i));
    await new ExportLog(db, clock).add({ kind: 'csv', fileName: 'kpi.csv', rows: 4, what: 'report table' });
    const headBefore = await log.head();
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan).toMatchObject({
      relation: 'older',
      verifiedTo: 5,
      lostDecisions: 11,
      needsReason: true,
      supersedes: headBefore,
      keptOther: 1,
      lostOther: 0,
    });
    await expect(applyRestore(db, pending, { reason: '  ', clock })).rejects.toThrow('Say why: 11 decisions after entry 5 will be set aside');
    const entry = await applyRestore(db, pending, { reason: "laptop disk failed; restoring last night's backup", clock });
    expect(entry).toMatchObject({ seq: 6, decision: 'restore', supersedes: headBefore });
    expect(entry.note).toContain("Reason: laptop disk failed; restoring last night's backup");
    expect(entry.note).toContain('11 decisions after entry 5 set aside');
    const archived = await db.logArchive.where('restoreSeq').equals(6).toArray();
    expect(archived.filter((a) => a.table === 'decisions').map((a) => (a.row as DecisionEntry).seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 6 });
    // What was exported since the backup stays in the export log: history is not rolled back.
    expect((await db.exportLog.toArray()).map((e) => e.fileName)).toEqual(['kpi.csv']);
  });

  it('a backup that continues the log here puts its later decisions in force, and the dialog plan and the restore entry name them', async () => {
    const db = await cache('bk-newer', 3);
    const local = await new DecisionLog(db).entries();
    // The same log, continued elsewhere by another analyst: entries 4 and 5 this laptop never saw.
    const continued: DecisionEntry[] = [...local];
    for (const [i, at] of [
      [3, Date.UTC(2026, 10, 10, 9)],
      [4, Date.UTC(2026, 10, 12, 17, 30)],
    ] as const)
      continued.push(await chainEntry({ ...decisionInput(i), analyst: 'M. Novak', at }, continued.at(-1)!));
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [
      n,
      n === 'decisions' ? continued : n === 'decisionHead' ? [{ key: 'head', ...headOf(continued) }] : rows,
    ]);
    const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(continued) });
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan).toMatchObject({
      relation: 'newer',
      lostDecisions: 0,
      needsReason: false,
      addedDecisions: { count: 2, from: 4, to: 5, analysts: ['M. Novak'], firstAt: Date.UTC(2026, 10, 10, 9), lastAt: Date.UTC(2026, 10, 12, 17, 30) },
    });
    const entry = await applyRestore(db, pending, { reason: '', clock });
    expect(entry.note).toContain('; 2 decisions this laptop has not seen (entries 4–5, by M. Novak, 2026-11-10 09:00 to 2026-11-12 17:30 UTC) put in force');
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 6 });
  });

  it('a decision logged after the backup was inspected makes the restore refuse, changing nothing; inspected again, it is set aside with a reason', async () => {
    const db = await cache('bk-stale-plan', 3);
    const file = await backupOf(db);
    const log = new DecisionLog(db);
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan).toMatchObject({ relation: 'same', lostDecisions: 0, needsReason: false });
    // The analyst holds an order in another window while the restore dialog is open.
    await log.append(decisionInput(7, { note: 'held: card testing' }));
    const before = await dump(db);
    await expect(applyRestore(db, pending, { reason: '', clock })).rejects.toThrow(
      'The decision log changed since this backup was inspected; inspect it again. Nothing was changed.',
    );
    expect(await dump(db)).toEqual(before);

    const again = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(again.plan).toMatchObject({ relation: 'older', lostDecisions: 1, needsReason: true, supersedes: await log.head() });
    const entry = await applyRestore(db, again, { reason: 'the hold goes back in by hand', clock });
    expect(entry.note).toContain('1 decision after entry 3 set aside');
  });

  it('lifts the append-only rule for its own transaction only: a decision deleted meanwhile is refused', async () => {
    const db = await cache('bk-guard', 3);
    const file = await backupOf(db);
    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    // Another write started while the restore's transaction runs: queued behind it, but never let through.
    let meanwhile: Promise<unknown> | undefined;
    await applyRestore(db, pending, { reason: '', clock, beforeCommit: () => void (meanwhile = Dexie.ignoreTransaction(() => db.decisions.delete(1))) });
    await expect(meanwhile).rejects.toThrow('The decisions log is append-only: deleting entries is not allowed');
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 4 });
  });

  it('refuses a backup whose log was rewritten so its own chain verifies (forged): other hashes than this laptop', async () => {
    const db = await cache('bk-forged', 4);
    const entries = await new DecisionLog(db).entries();
    // Entry 2 turned from release into cancel, every hash after it recomputed: the file's own chain is fine.
    const forged: DecisionEntry[] = [entries[0]!];
    for (const e of entries.slice(1)) {
      const { seq: _s, prevHash: _p, hash: _h, form: _f, noteSalt: _ns, noteHash: _nh, ...input } = e;
      forged.push(await chainEntry(e.seq === 2 ? { ...input, decision: 'cancel', reasonCode: 'FRAUD-RING' } : input, forged.at(-1)!));
    }
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [
      n,
      n === 'decisions' ? forged : n === 'decisionHead' ? [{ key: 'head', ...headOf(forged) }] : rows,
    ]);
    const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(forged) });
    const before = await dump(db);
    await expect(planRestore(db, await readBackup(file, PASSPHRASE), [])).rejects.toThrow("The backup's decision log differs from this laptop's at entry 2");
    // On a laptop whose own log is gone, the checkpoint still tells them apart.
    const empty = createDb('bk-forged-empty');
    opened.push(empty);
    const witness = { source: 'the checkpoint file', at: null, heads: entries.map((e) => ({ seq: e.seq, hash: e.hash })) };
    await expect(planRestore(empty, await readBackup(file, PASSPHRASE), [witness])).rejects.toThrow(/differs from the checkpoint file: entry 2 differs/);
    expect(await dump(db)).toEqual(before);
  });

  it('over a log here that does not verify, the plan says so, every entry here is set aside with a reason, and the restore entry tells', async () => {
    const db = await cache('bk-broken-here', 4);
    const local = await new DecisionLog(db).entries();
    // The forged backup of the test above: with a log here that verifies it is refused.
    const forged: DecisionEntry[] = [local[0]!];
    for (const e of local.slice(1)) {
      const { seq: _s, prevHash: _p, hash: _h, form: _f, noteSalt: _ns, noteHash: _nh, ...input } = e;
      forged.push(await chainEntry(e.seq === 2 ? { ...input, decision: 'cancel', reasonCode: 'FRAUD-RING' } : input, forged.at(-1)!));
    }
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [
      n,
      n === 'decisions' ? forged : n === 'decisionHead' ? [{ key: 'head', ...headOf(forged) }] : rows,
    ]);
    const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(forged) });
    // The head recorded beside the log is removed beneath the app: the log here no longer verifies,
    // so it cannot tell the forgery apart. The analyst must be told, not shown an empty laptop.
    db.close();
    const { Dexie } = await import('dexie');
    const plain = new Dexie('bk-broken-here');
    await plain.open();
    await plain.table('decisionHead').clear();
    plain.close();
    await db.open();

    const pending = await planRestore(db, await readBackup(file, PASSPHRASE), []);
    expect(pending.plan).toMatchObject({
      relation: 'broken-here',
      localLogBroken: { seq: 1, reason: 'the log has entries but no recorded head: it was replaced' },
      lostDecisions: 4,
      needsReason: true,
      supersedes: headOf(local),
    });
    await expect(applyRestore(db, pending, { reason: '', clock })).rejects.toThrow(
      'Say why: the decision log here does not verify, and its 4 entries will be set aside',
    );
    const entry = await applyRestore(db, pending, { reason: 'laptop log damaged; restoring the backup', clock });
    expect(entry).toMatchObject({ seq: 5, supersedes: headOf(local) });
    expect(entry.note).toContain('; the decision log here did not verify (the log has entries but no recorded head: it was replaced): its 4 entries set aside');
    // The damaged log goes to the archive whole, the entry the backup holds alike included.
    const archived = await db.logArchive.where('restoreSeq').equals(5).toArray();
    expect(archived.filter((a) => a.table === 'decisions').map((a) => a.row)).toEqual(local);
  });

  it('refuses a backup whose own log does not verify: an edited, a reordered or a missing entry', async () => {
    const db = await cache('bk-badlog', 4);
    const entries = await new DecisionLog(db).entries();
    const variants: [string, DecisionEntry[], RegExp][] = [
      ['edited', entries.map((e) => (e.seq === 2 ? { ...e, decision: 'cancel' as const } : e)), /entry 2 was changed/],
      // Rows are keyed by seq: a reorder swaps which content sits at which position.
      ['reordered', [entries[0]!, { ...entries[2]!, seq: 2 }, { ...entries[1]!, seq: 3 }, entries[3]!], /entry 2 (was changed|does not chain)/],
      ['missing', entries.filter((e) => e.seq !== 3), /follows entry 2/],
      ['note changed', entries.map((e) => (e.seq === 1 ? { ...e, note: 'nothing to see' } : e)), /note of entry 1 was changed/],
    ];
    for (const [what, list, message] of variants) {
      const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [n, n === 'decisions' ? list : rows]);
      const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) });
      await expect(
        readBackup(file, PASSPHRASE).then((s) => planRestore(db, s, [])),
        what,
      ).rejects.toThrow(message);
    }
  });

  /** The backup's one payment block with its first payment changed. */
  const paymentBlock = (rows: unknown[], patch: object): PaymentBlockRecord => {
    const b = rows[0] as PaymentBlockRecord;
    return { ...b, rows: [{ ...b.rows[0]!, ...patch }, ...b.rows.slice(1)] };
  };

  it('refuses unknown tables, rows of the wrong shape, full card numbers and oversized fields, naming table and row', async () => {
    const db = await cache('bk-shapes', 1);
    const base = await tablesOf(db);
    const head = headOf(await new DecisionLog(db).entries());
    const cases: [string, [string, unknown[]][], RegExp][] = [
      ['unknown table', [...base, ['evil', [{ id: 1 }]]], /a table this app does not know: evil/],
      ['malformed block', base.map(([n, r]): [string, unknown[]] => [n, n === 'orderBlocks' ? [{ id: 1, foo: 'bar' }] : r]), /orderBlocks row 1 is not valid/],
      [
        'full card number as BIN',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'paymentBlocks' ? [paymentBlock(r, { cardBin: '4111111111111111' })] : r]),
        /paymentBlocks row 1 is not valid: rows\.0\.cardBin a BIN of at most 8 digits/,
      ],
      [
        'full card number in a street',
        base.map(([n, r]): [string, unknown[]] => [
          n,
          n === 'orderText'
            ? [
                {
                  ...(r[0] as { columns: object }),
                  columns: {
                    ...(r[0] as { columns: Record<string, string> }).columns,
                    shipStreet: (r[0] as { columns: Record<string, string> }).columns['shipStreet']!.replace(/^[^\u001f]*/, '4111 1111 1111 1111'),
                  },
                },
              ]
            : r,
        ]),
        /order block 1 holds a full card number in shipStreet/,
      ],
      [
        'full card number as an order reference',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'paymentBlocks' ? [paymentBlock(r, { orderRef: '5555555555554444' })] : r]),
        /payments row 1 holds a full card number/,
      ],
      [
        'one payment in two blocks',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'paymentBlocks' ? [r[0], { ...paymentBlock(r, {}), id: 2 }] : r]),
        /holds payment ch_1 twice/,
      ],
      [
        'a payment block id beyond any the app writes',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'paymentBlocks' ? [{ ...paymentBlock(r, {}), id: Number.MAX_SAFE_INTEGER }] : r]),
        /paymentBlocks row 1 is not valid: id/,
      ],
      [
        'a payment block over its size',
        base.map(([n, r]): [string, unknown[]] => [
          n,
          n === 'paymentBlocks'
            ? [{ id: 1, rows: Array.from({ length: PAYMENT_BLOCK_SIZE + 1 }, (_, i) => ({ ...paymentBlock(r, {}).rows[0]!, id: `ch_${i}` })) }]
            : r,
        ]),
        /paymentBlocks row 1 is not valid: rows/,
      ],
      [
        'huge string',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'disputes' ? [{ ...(r[0] as object), reasonCode: 'x'.repeat(2_000_000) }] : r]),
        /disputes row 1 is not valid: reasonCode/,
      ],
      [
        'unknown setting',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'meta' ? [...r, { key: 'evilSetting', value: 1 }] : r]),
        /meta row \d+ is not valid: key is a setting this app does not know/,
      ],
      [
        'a cost of responding below zero',
        base.map(([n, r]): [string, unknown[]] => [
          n,
          n === 'meta'
            ? [...r, { key: 'responseCost', value: { costs: [{ currency: 'EUR', costMinor: -100 }], defaultWinRate: 0.3, source: 'x', savedAt: null } }]
            : r,
        ]),
        /meta row \d+ is not valid: value\.costs\.0\.costMinor/,
      ],
      [
        'block columns disagree',
        base.map(([n, r]): [string, unknown[]] => [n, n === 'orderBlocks' ? [{ ...(r[0] as object), live: new Uint8Array(3) }] : r]),
        /order block 1 is not valid: live has 3 values for 300 orders/,
      ],
    ];
    const before = await dump(db);
    for (const [what, tables, message] of cases) {
      const file = await craftContainer(tables, { schemaVersion: CURRENT_VERSION, logHead: head });
      await expect(
        readBackup(file, PASSPHRASE).then((s) => planRestore(db, s, [])),
        what,
      ).rejects.toThrow(message);
    }
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a newer schema and a schema that never existed', async () => {
    const db = await cache('bk-versions', 0);
    await expect(readBackup(await craftContainer([], { schemaVersion: 99 }), PASSPHRASE)).rejects.toThrow('newer version of the app (schema 99');
    await expect(readBackup(await craftContainer([], { schemaVersion: 0 }), PASSPHRASE)).rejects.toThrow(/header is not valid|never had/);
    expect(await db.orderBlocks.count()).toBe(1);
  });

  it('a report snapshot edited inside a backup is refused', async () => {
    const db = await cache('bk-snapshot', 0);
    const base = { kind: 'kpi' as const, title: 'KPI', params: {}, figures: { opened: 3 }, dataHash: 'd', createdAt: 1, analyst: 'K. Weber' };
    const hash = await sha256(JSON.stringify([base.kind, base.title, base.params, base.figures, base.dataHash, base.createdAt, base.analyst]));
    await db.reportSnapshots.add({ ...base, hash });
    const tables = (await tablesOf(db)).map(([n, rows]): [string, unknown[]] => [
      n,
      n === 'reportSnapshots' ? rows.map((r) => ({ ...(r as object), figures: { opened: 0 } })) : rows,
    ]);
    await expect(readBackup(await craftContainer(tables, { schemaVersion: CURRENT_VERSION }), PASSPHRASE).then((s) => planRestore(db, s, []))).rejects.toThrow(
      /snapshot 1 does not match its hash/,
    );
  });
});

export { restore };
