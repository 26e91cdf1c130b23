// Clearing the cache on the real schema: the data loaded into it goes (orders, payments,
// disputes, the import history, ring verdicts and overrides, the key index); the analyst's name,
// saved mappings, hub rules and the other settings stay, and so does the append-only decision log.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { keyIndexGeneration } from '../../../renderer/src/core/storage/keyIndexStore';
import { MetaRepository } from '../../../renderer/src/core/storage/metaRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { wipeCache } from '../../../renderer/src/core/storage/wipe';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const PRESET = { id: 'user:my-shop', label: 'My shop export', kind: 'orders' };
const HUB_RULES = { email: { minIdentities: 9, burstShare: 0.5, fraudShare: 0.2 } };

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
    await log.append({
      orderKey: 'shopify:#1001',
      decision: 'hold',
      reasonCode: 'VELOCITY',
      note: '',
      analyst: 'K. Weber',
      at: clock.now(),
      score: 70,
      matrixVersion: 1,
      undoes: null,
    });
    const blocksBefore = (await db.orderBlocks.orderBy('id').lastKey()) as number;
    const generation = await keyIndexGeneration(db);
    expect(await db.orderBlocks.count()).toBeGreaterThan(0);
    expect(await db.disputes.count()).toBeGreaterThan(0);
    expect(await meta.get('dataset')).toBeDefined();

    await wipeCache(db);

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
    // The append-only log is untouched and still verifies.
    expect(await log.entries()).toHaveLength(1);
    expect((await log.verify()).chain).toEqual({ ok: true, entries: 1 });

    // Orders loaded after it get new block ids: an id is never given to other orders.
    await loadDemoData(db, { orders: 2000, clock });
    expect(((await db.orderBlocks.orderBy('id').first()) as { id: number }).id).toBeGreaterThan(blocksBefore);
  });
});
