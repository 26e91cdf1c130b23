// An erasure is planned on the cache as it is (which rows of which order blocks hold the customer),
// shown, then confirmed. If the cache changed in between (a restore or an import in another window),
// those rows may hold other people: nothing is blanked then, and the analyst is asked to look again.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { applyPersonalDataPlan, planCustomerErasure } from '../../../renderer/src/core/privacy/personalData';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { PASSPHRASE, TEST_ITERATIONS } from '../../support/backupCache';
import { order } from '../../support/orders';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const anna = [
  order({ externalId: '#1001', email: 'anna@example.de', shipName: 'Anna Schmidt' }),
  order({ externalId: '#1002', email: 'anna@example.de', shipName: 'Anna Schmidt' }),
];
const tim = [
  order({ externalId: '#2001', email: 'tim@example.de', shipName: 'Tim Wolf' }),
  order({ externalId: '#2002', email: 'tim@example.de', shipName: 'Tim Wolf' }),
];

async function cacheOf(name: string, orders: ReturnType<typeof order>[]): Promise<WorkbenchDb> {
  const db = createDb(name);
  opened.push(db);
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  await new OrderRepository(db).append(orders);
  return db;
}

async function shipNames(db: WorkbenchDb): Promise<Record<string, string>> {
  const repo = new OrderRepository(db);
  const out: Record<string, string> = {};
  for (const b of await db.orderBlocks.toArray()) {
    const { orders } = await repo.readRows(
      b.id,
      Array.from({ length: b.count }, (_, i) => i),
    );
    orders.forEach((o, i) => b.live[i] && (out[o.externalId] = o.shipName ?? ''));
  }
  return out;
}

describe('an erasure planned before the cache changed', () => {
  it('after a restore in another window, blanks nobody else and asks to look again', async () => {
    // The backup holds the same orders in another order: Tim's rows come first in its block.
    const source = await cacheOf('stale-erasure-source', [...tim, ...anna]);
    const file = (await writeBackup(source, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock })).blob;
    const db = await cacheOf('stale-erasure', [...anna, ...tim]);
    const plan = await planCustomerErasure(db, 'anna@example.de');
    const other = createDb('stale-erasure');
    opened.push(other);
    await applyRestore(other, await planRestore(other, await readBackup(file, PASSPHRASE), []), { reason: '', clock });
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-2026-114', clock })).rejects.toThrow('changed since this was planned');
    expect(await shipNames(db)).toEqual({ '#1001': 'Anna Schmidt', '#1002': 'Anna Schmidt', '#2001': 'Tim Wolf', '#2002': 'Tim Wolf' });
    // Planned again, it reaches Anna's rows where they are now.
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna@example.de'), { reference: 'DSR-2026-114', clock });
    expect(await shipNames(db)).toEqual({ '#1001': '', '#1002': '', '#2001': 'Tim Wolf', '#2002': 'Tim Wolf' });
  });

  it('after an import wrote a new version of her order, does not leave that version whole', async () => {
    const db = await cacheOf('stale-erasure-import', [...anna, ...tim]);
    const plan = await planCustomerErasure(db, 'anna@example.de');
    // Another window's import: a newer version of #1002 in a new block (the old row no longer current).
    const block = (await db.orderBlocks.toArray())[0]!;
    block.live[1] = 0;
    await db.orderBlocks.put(block);
    await new OrderRepository(db).append([order({ externalId: '#1002', email: 'anna@example.de', shipName: 'Anna Schmidt', totalMinor: 4200 })], 7);
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-2026-115', clock })).rejects.toThrow('changed since this was planned');
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna@example.de'), { reference: 'DSR-2026-115', clock });
    expect(await shipNames(db)).toEqual({ '#1001': '', '#1002': '', '#2001': 'Tim Wolf', '#2002': 'Tim Wolf' });
  });
});
