// Two windows on one cache, each with the review queue as it read it: a decision made on what one
// window showed must not silently reverse what the other window decided on that order meanwhile.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 31, 23, 30);
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function twoWindows(name: string) {
  const a = createDb(name);
  opened.push(a);
  await new OrderRepository(a).append([
    order({ externalId: '#4711', customerId: 'c1', email: 'p.lenz@mailinator.com', createdAt: NOW - 2 * H, riskLevel: 'high' }),
    order({ externalId: '#4712', customerId: 'c2', email: 'r.vogt@mailinator.com', createdAt: NOW - H, riskLevel: 'high' }),
  ]);
  const b = createDb(name);
  opened.push(b);
  const windowA = createCore(a, fixedClock(NOW));
  const windowB = createCore(b, fixedClock(NOW + 60_000));
  await windowA.setAnalystName('K. Weber');
  // Both windows show the same queue: #4711 still to review.
  for (const w of [windowA, windowB]) expect((await w.reviewQueue()).find((r) => r.orderKey === 'shopify:#4711')?.state).toBe('review');
  return { windowA, windowB };
}

describe('decisions from two windows', () => {
  it('a release from a window that never saw the cancel is refused, and the cancel stands', async () => {
    const { windowA, windowB } = await twoWindows('review-two-windows-cancel');
    await windowA.decide('shopify:#4711', 'cancel', 'STOLEN-CARD', '');
    await expect(windowB.decide('shopify:#4711', 'release', 'CUSTOMER-VERIFIED', '')).rejects.toThrow(/cancelled .*meanwhile/);
    expect((await windowB.decisionOn('shopify:#4711'))?.decision).toBe('cancel');
    // Looked at again, the cancelled order has left window B's queue; the other order is still decided as shown.
    expect((await windowB.reviewQueue()).map((r) => r.orderKey)).toEqual(['shopify:#4712']);
    await windowB.decide('shopify:#4712', 'release', 'KNOWN-CUSTOMER', '');
  });

  it('a ring decision over an order the other window held meanwhile logs nothing', async () => {
    const { windowA, windowB } = await twoWindows('review-two-windows-ring');
    await windowA.decide('shopify:#4712', 'hold', 'VELOCITY', '');
    await expect(windowB.decideMany(['shopify:#4711', 'shopify:#4712'], 'release', '', 'ring decision')).rejects.toThrow(/held .*meanwhile/);
    const log = await windowB.decisionLog();
    expect(log.map((e) => [e.orderKey, e.decision])).toEqual([['shopify:#4712', 'hold']]);
  });

  it('one window deciding again on what it decided itself, before its queue reloads, is its own change of mind', async () => {
    const { windowA } = await twoWindows('review-two-windows-own');
    await windowA.decide('shopify:#4711', 'hold', 'VELOCITY', '');
    await windowA.decide('shopify:#4711', 'release', 'CUSTOMER-VERIFIED', 'called the customer');
    const [undone] = await windowA.decisionLog();
    await windowA.undoDecision(undone!.seq);
    await windowA.decide('shopify:#4711', 'cancel', 'STOLEN-CARD', '');
    expect((await windowA.decisionOn('shopify:#4711'))?.decision).toBe('cancel');
  });
});
