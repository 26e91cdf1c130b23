// The decision log in the cache: append-only in storage (no update, overwrite, delete or clear
// through Dexie), chained, safe under concurrent appends, and tampering done below the app
// (raw IndexedDB) is named by verify.
import { keptNote } from '../../../shared/domain/cardNumbers';
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppendOnlyError } from '../../../renderer/src/core/storage/appendOnly';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { wipeCache } from '../../../renderer/src/core/storage/wipe';
import { ReviewService } from '../../../renderer/src/core/review/reviewService';
import { decisionThatStands } from '../../../shared/decisions/standing';
import { UNDO_WINDOW_MS } from '../../../shared/decisions/undo';
import type { RingService } from '../../../renderer/src/core/rings/ringService';
import type { DecisionInput } from '../../../shared/decisions/chain';

let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const hold = (i: number): DecisionInput => ({
  orderKey: `shopify:#${1000 + i}`,
  decision: 'hold',
  reasonCode: 'FRAUD-RING',
  note: '',
  analyst: 'K. Weber',
  at: Date.UTC(2026, 10, 24, 9, i),
  score: 80,
  matrixVersion: 1,
  undoes: null,
});

describe('decision log storage', () => {
  it('appends chained entries, also when appends overlap', async () => {
    db = createDb(`decision-log-${n++}`);
    const log = new DecisionLog(db);
    await Promise.all([0, 1, 2, 3, 4].map((i) => log.append(hold(i))));
    const entries = await log.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(entries.map((e) => e.orderKey)).size).toBe(5);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 5 });
  });

  it('refuses update, overwrite, delete and clear through the data layer', async () => {
    db = createDb(`decision-log-${n++}`);
    const log = new DecisionLog(db);
    const first = await log.append(hold(0));
    await log.append(hold(1));
    await expect(db.decisions.update(1, { decision: 'release' })).rejects.toThrow(AppendOnlyError);
    await expect(db.decisions.put({ ...first, note: 'rewritten' })).rejects.toThrow(/append-only/);
    await expect(db.decisions.delete(1)).rejects.toThrow(/append-only/);
    await expect(db.decisions.bulkDelete([1, 2])).rejects.toThrow(/append-only/);
    await expect(db.decisions.where('orderKey').equals('shopify:#1000').delete()).rejects.toThrow(/append-only/);
    await expect(db.decisions.clear()).rejects.toThrow(/append-only/);
    await db.disputeEvents.add({ disputeId: 'dp_1', kind: 'status', status: 'submitted', note: '', analyst: 'K. Weber', at: 1 });
    await expect(db.disputeEvents.clear()).rejects.toThrow(/append-only/);
    await expect(db.disputeEvents.update(1, { status: 'won' })).rejects.toThrow(/append-only/);
    await expect(db.decisions.add({ ...first })).rejects.toThrow();
    expect(await db.decisions.count()).toBe(2);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 2 });
  });

  it('names the entry someone changed or removed beneath the app', async () => {
    const name = `decision-log-${n++}`;
    db = createDb(name);
    const log = new DecisionLog(db);
    for (let i = 0; i < 4; i++) await log.append(hold(i));
    db.close();
    // A plain Dexie handle has no append-only layer: what a tool editing the files could do.
    const raw = new Dexie(name);
    await raw.open();
    const second = await raw.table('decisions').get(2);
    await raw.table('decisions').put({ ...second, decision: 'release' });
    raw.close();
    await db.open();
    expect((await new DecisionLog(db).verify()).chain).toMatchObject({ ok: false, seq: 2, reason: 'entry 2 was changed after it was written' });

    db.close();
    const raw2 = new Dexie(name);
    await raw2.open();
    await raw2.table('decisions').put(second);
    await raw2.table('decisions').delete(4);
    raw2.close();
    await db.open();
    expect((await new DecisionLog(db).verify()).chain).toMatchObject({ ok: false, seq: 4 });
  });
});

describe('clearing the cache', () => {
  it("empties the cached data but keeps the decision log and its head, and the analyst's name; the clearing is the log's next entry", async () => {
    db = createDb(`decision-log-${n++}`);
    const log = new DecisionLog(db);
    await log.append(hold(0));
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    await wipeCache(db);
    expect(await db.meta.get('analystName')).toEqual({ key: 'analystName', value: 'K. Weber' });
    expect((await log.entries()).map((e) => e.decision)).toEqual(['hold', 'clear-cache']);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 2 });
  });
});

describe('undo in the review queue', () => {
  it('an undo is its own entry; the order stands as before; too old or twice is refused', async () => {
    db = createDb(`decision-log-${n++}`);
    let now = Date.UTC(2026, 10, 18, 14, 0);
    const review = new ReviewService(db, {} as RingService, { now: () => now });
    // Nothing is logged without a name.
    await expect(review.decide('shopify:#1', 'hold', 'VELOCITY', '')).rejects.toThrow(/Say who you are first/);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const hold1 = await review.decide('shopify:#1', 'hold', 'VELOCITY', '');
    const release = await review.decide('shopify:#1', 'release', '', 'customer called');
    expect(decisionThatStands(await new DecisionLog(db).entries()).get('shopify:#1')?.decision).toBe('release');
    const undo = await review.undo(release.seq);
    expect(undo).toMatchObject({ decision: 'undo', undoes: release.seq, orderKey: 'shopify:#1' });
    expect(decisionThatStands(await new DecisionLog(db).entries()).get('shopify:#1')?.decision).toBe('hold');
    await expect(review.undo(release.seq)).rejects.toThrow(/already undone/);
    await expect(review.undo(undo.seq)).rejects.toThrow(/not a decision/);
    await expect(review.decide('shopify:#2', 'cancel', '', '')).rejects.toThrow(/needs a reason code/);
    // Past the window: the clock moves on, nothing stored is edited.
    now = hold1.at + UNDO_WINDOW_MS + 1;
    await expect(review.undo(hold1.seq)).rejects.toThrow(/older than 2 minutes/);
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 3 });
  });
});

describe('a card number typed into a note', () => {
  it('is kept reduced to BIN and last 4, in the log and its chain', async () => {
    db = createDb(`decision-log-${n++}`);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const review = new ReviewService(db, {} as RingService, { now: () => Date.UTC(2026, 10, 18, 14, 0) });
    const entry = await review.decide('shopify:#1', 'release', '', '  customer read out 4111 1111 1111 1111 on the phone ');
    expect(entry.note).toBe('customer read out 41111111******1111 on the phone');
    const [kept] = await new DecisionLog(db).entries();
    expect(kept!.note).toBe(entry.note);
    expect(JSON.stringify(await db.decisions.toArray())).not.toMatch(/1111 1111 1111/);
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 1 });
    expect(keptNote('paid with 5555.5555.5555.4444, exp 04/28')).toBe('paid with 55555555******4444, exp 04/28');
  });
});
