// A note logged between planning an erasure and confirming it. The erasure chose its notes when it
// was planned, and was appended after a note another window logged on the customer's order
// meanwhile: that note kept her name and address, and the register did not list it. Now the
// erasure is refused as a stale plan, nothing erased, and planned again it takes that note too.
// Decisions on other orders meanwhile do not hold it up.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { applyPersonalDataPlan, planCustomerErasure, planRetention } from '../../../renderer/src/core/privacy/personalData';
import { ReviewService } from '../../../renderer/src/core/review/reviewService';
import type { RingService } from '../../../renderer/src/core/rings/ringService';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../../support/orders';
import { analystWindows } from '../../support/freshDbs';

const NOW = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(NOW);
const open = analystWindows();

const review = (db: WorkbenchDb) => new ReviewService(db, {} as RingService, clock);

/** A cache with Anna's order #1001 and Tim's #2001, and a note on hers. */
async function cache(name: string): Promise<WorkbenchDb> {
  const db = await open(name);
  await new OrderRepository(db).append([
    order({ externalId: '#1001', email: 'anna@example.de', createdAt: NOW - 3600_000 }),
    order({ externalId: '#2001', email: 'tim@example.de', createdAt: NOW - 3600_000 }),
  ]);
  await review(db).decide('shopify:#1001', 'note', '', 'Anna Schmidt called from +49 170 1234567');
  return db;
}

const notesOn = async (db: WorkbenchDb, key: string) =>
  (await new DecisionLog(db).entries()).filter((e) => e.orderKey === key && e.note !== '').map((e) => e.note);

describe('an erasure and a note logged between planning and confirming it', () => {
  it('a note on the customer’s order is refused as a stale plan, nothing erased; planned again, its note goes too', async () => {
    const db = await cache('erase-note-since');
    const plan = await planCustomerErasure(db, 'anna@example.de');
    expect(plan.notes).toEqual([1]);
    // Another window holds her order, noting what the caller said.
    const other = await open('erase-note-since');
    await review(other).decide('shopify:#1001', 'hold', 'STOLEN-CARD', 'Anna Schmidt, Hauptstr. 5 — card reported stolen');
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-1', clock })).rejects.toMatchObject({
      name: 'StalePlanError',
      message:
        'A decision with a note on the customer’s orders (entry 2, hold) was logged since this was planned, in this or another window: nothing was erased. Look again and confirm, so its note goes too.',
    });
    expect(await notesOn(db, 'shopify:#1001')).toHaveLength(2);
    expect(await db.erasures.count()).toBe(0);
    expect((await db.orderText.toArray())[0]!.columns.email).toContain('anna@example.de');

    const again = await planCustomerErasure(db, 'anna@example.de');
    const entry = await applyPersonalDataPlan(db, again, { reference: 'DSR-1', clock });
    expect(entry.refs).toEqual([1, 2]);
    expect(await notesOn(db, 'shopify:#1001')).toEqual([]);
    const entries = await new DecisionLog(db).entries();
    expect((await db.erasures.toArray())[0]!.noteHashes).toEqual([entries[0]!.hash, entries[1]!.hash]);
    expect((await new DecisionLog(db).verify()).chain.ok).toBe(true);
  });

  it('decisions on other customers’ orders (and hers without a note) meanwhile do not hold it up', async () => {
    const db = await cache('erase-other-since');
    const plan = await planCustomerErasure(db, 'anna@example.de');
    const other = await open('erase-other-since');
    await review(other).decide('shopify:#2001', 'hold', 'STOLEN-CARD', 'Tim Wolf, Ringstr. 2 — card reported stolen');
    await review(other).decide('shopify:#1001', 'release', '', '');
    await applyPersonalDataPlan(db, plan, { reference: 'DSR-2', clock });
    expect(await notesOn(db, 'shopify:#1001')).toEqual([]);
    expect(await notesOn(db, 'shopify:#2001')).toEqual(['Tim Wolf, Ringstr. 2 — card reported stolen']);
  });

  it('a retention purge: a note dated before the cut-off logged meanwhile is refused the same way', async () => {
    const db = await cache('purge-note-since');
    const before = NOW;
    const plan = await planRetention(db, before);
    const other = await open('purge-note-since');
    // A teammate's decision, dated when it was made, arrives after the purge was planned.
    await new DecisionLog(other).append({
      orderKey: 'shopify:#2001',
      decision: 'note',
      reasonCode: '',
      note: 'Tim Wolf asked for a callback',
      analyst: 'B. Ito',
      at: NOW - 60_000,
      score: null,
      matrixVersion: null,
      undoes: null,
    });
    await expect(applyPersonalDataPlan(db, plan, { reference: '', clock })).rejects.toThrow(
      'A decision with a note dated before the cut-off (entry 2, note) was logged since this was planned, in this or another window: nothing was purged.',
    );
    await applyPersonalDataPlan(db, await planRetention(db, before), { reference: '', clock });
    expect(await notesOn(db, 'shopify:#2001')).toEqual([]);
  });
});
