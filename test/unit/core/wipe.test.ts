// Clearing the cache on the real schema: the data loaded into it goes (orders, payments,
// disputes, the import history, ring verdicts and overrides, the key index); the analyst's name,
// saved mappings, hub rules and the other settings stay, and so does the append-only decision log,
// which gets an entry saying who cleared it, when and what went, in the same transaction: a wipe
// that fails writes no entry, and one refused for want of a name clears nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summaryCounts } from '../../../renderer/src/core/backup/summary';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { keyIndexGeneration } from '../../../renderer/src/core/storage/keyIndexStore';
import { MetaRepository, NoAnalystError } from '../../../renderer/src/core/storage/metaRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { wipeCache } from '../../../renderer/src/core/storage/wipe';
import { planRetention } from '../../../renderer/src/core/privacy/personalData';
import { gatherRecords } from '../../../renderer/src/core/team/teamCollect';
import { clearedCacheNote, type ClearedCache } from '../../../shared/decisions/clearedCache';
import { DECISIONS_CSV_HEAD_BEFORE_UNDOES, writeDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { witnessFromFile } from '../../../shared/decisions/witnessFiles';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const EARLIER = Date.UTC(2026, 10, 17, 9, 30);
let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const PRESET = { id: 'user:my-shop', label: 'My shop export', kind: 'orders' };
const HUB_RULES = { email: { minIdentities: 9, burstShare: 0.5, fraudShare: 0.2 } };

const hold = (at: number) => ({
  orderKey: 'shopify:#1001',
  decision: 'hold' as const,
  reasonCode: 'VELOCITY',
  note: '',
  analyst: 'K. Weber',
  at,
  score: 70,
  matrixVersion: 1,
  undoes: null,
});

/** A demo cache with one import in its history, verdicts, notes, overrides and an undone override, and one decision. */
async function filledCache(): Promise<{ db: WorkbenchDb; log: DecisionLog }> {
  const db = createDb(`wipe-${n++}`);
  await new MetaRepository(db).set('analystName', 'K. Weber');
  await loadDemoData(db, { orders: 2000, clock });
  await db.table('imports').add({ fileName: 'stripe-payments.csv', startedAt: EARLIER, status: 'done' });
  await db.ringMarks.bulkAdd([
    { ringId: 'ring:shopify:#1001', status: 'needs-review', note: '', analyst: 'L. Braun', createdAt: EARLIER },
    { ringId: 'ring:shopify:#1001', status: 'confirmed-fraud', note: 'same card on 4 devices', analyst: 'K. Weber', createdAt: EARLIER + 60_000 },
    // A note leaves the verdict as it was.
    { ringId: 'ring:shopify:#1001', status: 'note', note: 'called the bank', analyst: 'K. Weber', createdAt: EARLIER + 120_000 },
    { ringId: 'ring:amazon:302-1234567-7654321', status: 'benign', note: 'a family', analyst: 'L. Braun', createdAt: EARLIER + 180_000 },
  ]);
  const never = (await db.linkOverrides.add({
    type: 'email',
    value: 'anna@example.com',
    action: 'never-link',
    reason: 'a shared mailbox',
    analyst: 'K. Weber',
    createdAt: EARLIER,
  })) as number;
  const allow = (await db.linkOverrides.add({
    type: 'address',
    value: 'packstation 101',
    action: 'allow',
    reason: 'her own locker',
    analyst: 'L. Braun',
    createdAt: EARLIER + 60_000,
  })) as number;
  await db.linkOverrides.add({
    type: 'address',
    value: 'packstation 101',
    action: 'allow',
    reason: 'undone',
    analyst: 'K. Weber',
    createdAt: EARLIER + 90_000,
    revokes: allow,
  });
  const ip = (await db.linkOverrides.add({
    type: 'ip',
    value: '203.0.113.9',
    action: 'allow',
    reason: 'office proxy',
    analyst: 'K. Weber',
    createdAt: EARLIER + 240_000,
  })) as number;
  expect([never, allow, ip]).toEqual([1, 2, 4]);
  const log = new DecisionLog(db);
  await log.append(hold(EARLIER));
  return { db, log };
}

describe('clearing the cache', () => {
  it("drops the data loaded into it and keeps this laptop's settings and the decision log", async () => {
    db = createDb('wipe-keeps-settings');
    const meta = new MetaRepository(db);
    await meta.set('analystName', 'K. Weber');
    await loadDemoData(db, { orders: 2000, clock });
    // Settings as raw records: the wipe must keep them whatever their shape.
    await db.meta.bulkPut([
      { key: 'presets', value: [PRESET] },
      { key: 'hubRules', value: HUB_RULES },
      { key: 'retentionMonths', value: 24 },
      { key: 'someRetiredSetting', value: 1 },
    ]);
    await db.linkOverrides.add({ type: 'email', value: 'a@example.com', action: 'never-link', reason: 'test', analyst: 'K. Weber', createdAt: clock.now() });
    await db.ringMarks.add({ ringId: 'r1', status: 'benign', note: '', analyst: 'K. Weber', createdAt: clock.now() });
    const log = new DecisionLog(db);
    await log.append(hold(clock.now()));
    const blocksBefore = (await db.orderBlocks.orderBy('id').lastKey()) as number;
    const generation = await keyIndexGeneration(db);
    expect(await db.orderBlocks.count()).toBeGreaterThan(0);
    expect(await db.disputes.count()).toBeGreaterThan(0);
    expect(await meta.get('dataset')).toBeDefined();

    await wipeCache(db, clock);

    // The data goes.
    for (const t of ['orderBlocks', 'orderText', 'orderKeys', 'paymentBlocks', 'paymentKeys', 'disputes', 'imports', 'linkOverrides', 'ringMarks'] as const)
      expect(await db.table(t).count(), t).toBe(0);
    expect(await meta.get('dataset')).toBeUndefined();
    expect(await db.meta.get('someRetiredSetting')).toBeUndefined();
    expect(await keyIndexGeneration(db)).not.toBe(generation);
    // The laptop's settings stay: nobody types their name or maps their export again.
    expect(await meta.get('analystName')).toBe('K. Weber');
    expect(await meta.get('presets')).toEqual([PRESET]);
    expect(await meta.get('hubRules')).toEqual(HUB_RULES);
    expect(await meta.get('retentionMonths')).toBe(24);
    // The append-only log keeps its entry, gains the clearing's and still verifies.
    expect((await log.entries()).map((e) => e.decision)).toEqual(['hold', 'clear-cache']);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 2 });

    // Orders loaded after it get new block ids: an id is never given to other orders.
    await loadDemoData(db, { orders: 2000, clock });
    expect(((await db.orderBlocks.orderBy('id').first()) as { id: number }).id).toBeGreaterThan(blocksBefore);
  });

  it('logs who cleared it, when, how much of each kind went, and the verdicts and overrides given here that no longer apply', async () => {
    ({ db } = await filledCache());
    const before = await summaryCounts(db);
    expect(before).toMatchObject({ imports: 1, ringVerdicts: 4, linkOverrides: 4 });

    const entry = await wipeCache(db, clock);

    const log = await new DecisionLog(db).entries();
    expect(log.at(-1)).toEqual(entry);
    expect(entry).toMatchObject({ seq: 2, orderKey: '', decision: 'clear-cache', reasonCode: '', analyst: 'K. Weber', at: clock.now(), score: null });
    expect(entry.prevHash).toBe(log[0]!.hash);
    expect(entry.note).toBe(
      `Cleared the local cache: ${before.orders} orders, ${before.payments} payments, ${before.disputes} disputes, 1 import, 4 ring verdicts and notes, 4 link overrides and undos.` +
        ' Ring verdicts given here that no longer apply:' +
        ' ring of #1001 confirmed as fraud by K. Weber, 2026-11-17 09:31 UTC;' +
        ' ring of 302-1234567-7654321 judged benign by L. Braun, 2026-11-17 09:33 UTC.' +
        ' Link overrides given here that no longer apply:' +
        ' override 1 (never link, email) by K. Weber, 2026-11-17 09:30 UTC;' +
        ' override 4 (allow linking, ip) by K. Weber, 2026-11-17 09:34 UTC.',
    );
    // Counts as plain digits, and no linked value or reason (personal data) in the log.
    expect(before.orders).toBeGreaterThanOrEqual(1000);
    expect(entry.note).not.toMatch(/\d,\d{3}/);
    for (const personal of ['anna@example.com', 'packstation', '203.0.113.9', 'shared mailbox', 'called the bank', 'a family'])
      expect(entry.note).not.toContain(personal);
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 2 });
  });

  it('an empty cache cleared is logged too, with its counts at 0', async () => {
    db = createDb(`wipe-${n++}`);
    await new MetaRepository(db).set('analystName', 'K. Weber');
    const entry = await wipeCache(db, clock);
    expect(entry).toMatchObject({ seq: 1, decision: 'clear-cache' });
    expect(entry.note).toBe(
      'Cleared the local cache: 0 orders, 0 payments, 0 disputes, 0 imports, 0 ring verdicts and notes, 0 link overrides and undos.' +
        ' Ring verdicts given here that no longer apply: none. Link overrides given here that no longer apply: none.',
    );
    expect((await new DecisionLog(db).verify()).chain).toEqual({ ok: true, entries: 1 });
  });

  it('clears nothing without a name to log it under', async () => {
    ({ db } = await filledCache());
    await db.meta.delete('analystName');
    const before = await summaryCounts(db);
    await expect(wipeCache(db, clock)).rejects.toThrow(NoAnalystError);
    expect(await summaryCounts(db)).toEqual(before);
  });

  it('a wipe that fails part-way clears nothing and logs nothing', async () => {
    const filled = await filledCache();
    db = filled.db;
    const before = await summaryCounts(db);
    const generation = await keyIndexGeneration(db);
    const head = await filled.log.head();
    // The last write of the transaction fails (a full disk): the clearing before it is undone too.
    vi.spyOn(db.decisionHead, 'put').mockRejectedValue(new Error('QuotaExceededError'));
    await expect(wipeCache(db, clock)).rejects.toThrow('QuotaExceededError');
    vi.restoreAllMocks();
    expect(await summaryCounts(db)).toEqual(before);
    expect(await keyIndexGeneration(db)).toBe(generation);
    expect(await new MetaRepository(db).get('dataset')).toBeDefined();
    expect(await filled.log.head()).toEqual(head);
    expect(await filled.log.entries()).toHaveLength(1);
    expect((await filled.log.verify()).chain).toEqual({ ok: true, entries: 1 });
  });

  it('counts what it cleared, not what it saw first: a verdict given in another window meanwhile is counted', async () => {
    ({ db } = await filledCache());
    let first = true;
    // Between reading what goes and clearing it (hashing the entry), another window gives a verdict.
    const racing = {
      now: () => {
        if (first) {
          first = false;
          void db.ringMarks.add({ ringId: 'ring:shopify:#2002', status: 'benign', note: '', analyst: 'L. Braun', createdAt: EARLIER + 300_000 });
        }
        return clock.now();
      },
    };
    const entry = await wipeCache(db, racing);
    expect(entry.note).toContain('5 ring verdicts and notes');
    expect(entry.note).toContain('ring of #2002 judged benign by L. Braun, 2026-11-17 09:35 UTC');
    expect(await db.ringMarks.count()).toBe(0);
    expect(await new DecisionLog(db).entries()).toHaveLength(2);
  });

  it('the decisions CSV exported with the entry reads back and witnesses the log; an export older than it, and one in the older columns, still match', async () => {
    const filled = await filledCache();
    db = filled.db;
    const beforeWipe = await filled.log.entries();
    const older = writeDecisionsCsv(beforeWipe, DECISIONS_CSV_HEAD_BEFORE_UNDOES);
    await wipeCache(db, clock);
    const log = await filled.log.entries();
    const csv = writeDecisionsCsv(log);
    expect(csv.split('\r\n')[2]).toMatch(/^2,2026-11-18T14:00:00\.000Z,,,clear-cache,,"Cleared the local cache: \d+ orders, /);
    const verdict = await filled.log.verify([
      await witnessFromFile(new Blob([csv]), 'decisions.csv'),
      await witnessFromFile(new Blob([older]), 'decisions-before.csv'),
    ]);
    expect(verdict.chain).toEqual({ ok: true, entries: 2 });
    expect(verdict.witnesses).toEqual([
      { ok: true, source: 'decisions.csv', checked: 2, upTo: 2, contents: 2 },
      { ok: true, source: 'decisions-before.csv', checked: 1, upTo: 1, contents: 1 },
    ]);
    // A file whose clearing row was edited (fewer orders said to have gone) does not match.
    const edited = csv.replace(/Cleared the local cache: \d+ orders/, 'Cleared the local cache: 3 orders');
    const [changed] = (await filled.log.verify([await witnessFromFile(new Blob([edited]), 'edited.csv')])).witnesses;
    expect(changed).toMatchObject({ ok: false, seq: 2, kind: 'file-changed' });
  });
});

describe('the entry of a cleared cache beside the rest of the log', () => {
  it('keeps its note through a retention purge: counts and order numbers, no personal data', async () => {
    const filled = await filledCache();
    db = filled.db;
    await filled.log.append({ ...hold(EARLIER + 1), decision: 'note', reasonCode: '', score: null, matrixVersion: null, note: 'customer called' });
    const entry = await wipeCache(db, clock);
    const plan = await planRetention(db, clock.now() + 1);
    expect(plan.notes).toEqual([2]);
    expect(plan.notes).not.toContain(entry.seq);
  });

  it("stays this laptop's own: it is not sent to the team, the entries around it are", async () => {
    const filled = await filledCache();
    db = filled.db;
    await wipeCache(db, clock);
    await filled.log.append(hold(clock.now() + 1));
    const from = { decisions: { seq: 0, hash: '' }, ringMarks: 0, linkOverrides: 0, disputeEvents: 0, matrices: 0, reportSnapshots: 0, exportLog: 0 };
    let id = 0;
    const gathered = await gatherRecords(
      db,
      from,
      { name: 'K. Weber', role: 'analyst' },
      {},
      () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
    );
    expect(gathered.inputs.map((i) => [i.kind, i.payload.logSeq])).toEqual([
      ['decision', 1],
      ['decision', 3],
    ]);
    expect(gathered.next.decisions.seq).toBe(3);
  });
});

describe("the cleared cache's note", () => {
  const base: ClearedCache = { orders: 1, payments: 1, disputes: 1, imports: 1, ringMarks: 1, linkOverrides: 1, verdicts: [], overrides: [] };
  const verdict = (i: number) => ({ ringId: `ring:shopify:#${10_000 + i}`, status: 'confirmed-fraud' as const, analyst: 'K. Weber', at: EARLIER + i * 60_000 });

  it('says each count in the singular when it is one', () => {
    expect(clearedCacheNote(base)).toBe(
      'Cleared the local cache: 1 order, 1 payment, 1 dispute, 1 import, 1 ring verdict or note, 1 link override or undo.' +
        ' Ring verdicts given here that no longer apply: none. Link overrides given here that no longer apply: none.',
    );
  });

  it('fits a note however many verdicts stood, keeping the counts whole and saying how many more there were', () => {
    const many: ClearedCache = {
      ...base,
      ringMarks: 5000,
      verdicts: Array.from({ length: 5000 }, (_, i) => verdict(i)),
      overrides: [{ id: 7, type: 'device', action: 'never-link', analyst: 'K. Weber', at: EARLIER }],
    };
    const note = clearedCacheNote(many);
    expect(note.length).toBeLessThanOrEqual(4000);
    expect(note).toMatch(/^Cleared the local cache: 1 order, .*, 5000 ring verdicts and notes, /);
    expect(note).toMatch(
      /; and \d+ more\. Link overrides given here that no longer apply: override 7 \(never link, device\) by K\. Weber, 2026-11-17 09:30 UTC\.$/,
    );
    const shown = (note.match(/ring of #/g) ?? []).length;
    expect(note).toContain(`; and ${5000 - shown} more.`);
    expect(shown).toBeGreaterThan(10);
  });
});
