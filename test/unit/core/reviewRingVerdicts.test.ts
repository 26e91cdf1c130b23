// Over a real (fake-indexeddb) cache: the verdict given on a ring (Rings screen) counts in Review's
// scoring. Confirmed fraud puts its orders at hold, named with who said so and when; benign stops
// the ring's own signals from adding points, and says so; a matrix saved before the verdict rules
// existed scores with them too; What if… measures matrices without them (they are its known fraud).
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { DEFAULT_MATRIX } from '../../../shared/scoring/matrix';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 18, 14, 0);
const DEVICE = 'dev-shared-77';
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Three customers' orders from one browser within half an hour: a ring of 3, each +25 for it and +5 as a first order. */
async function ringOfThree(name: string) {
  db = createDb(name);
  await new OrderRepository(db).append([
    order({ externalId: '#2010', customerId: 'c1', email: 'bob.meyer@gmx.de', deviceId: DEVICE, createdAt: Date.UTC(2026, 10, 16, 19, 1) }),
    order({ externalId: '#2011', customerId: 'c2', email: 'carla.vogt@web.de', deviceId: DEVICE, createdAt: Date.UTC(2026, 10, 16, 19, 9) }),
    // A buyer at a throwaway address shipping abroad: to review on its own (+20 +15 +5).
    order({
      externalId: '#2012',
      customerId: 'c3',
      email: 'x91@mailinator.com',
      billCountry: 'AT',
      deviceId: DEVICE,
      createdAt: Date.UTC(2026, 10, 16, 19, 25),
    }),
  ]);
  const core = createCore(db, fixedClock(NOW));
  await core.setAnalystName('K. Weber');
  const queue = await core.reviewQueue();
  expect(queue.map((r) => [r.externalId, r.score, r.outcome, r.ringVerdict])).toEqual([
    ['#2012', 65, 'hold', null],
    ['#2010', 30, 'review', null],
    ['#2011', 30, 'review', null],
  ]);
  return { core, ringId: queue[0]!.ringId! };
}

describe("a ring's verdict in Review's scoring", () => {
  it('confirmed fraud: its orders score 100 and are held, the rule naming the verdict, who gave it and when', async () => {
    const { core, ringId } = await ringOfThree('ring-verdict-confirmed');
    await core.markRing(ringId, 'confirmed-fraud', 'shared device burst');
    const queue = await core.reviewQueue();
    expect(queue.map((r) => [r.externalId, r.score, r.outcome, r.state])).toEqual([
      ['#2010', 100, 'hold', 'hold'],
      ['#2011', 100, 'hold', 'hold'],
      ['#2012', 100, 'hold', 'hold'],
    ]);
    expect(queue[0]!.fired.map((f) => f.text)).toEqual([
      '+100 its ring was confirmed as fraud by K. Weber, 2026-11-18 14:00 UTC',
      '+25 in a ring of 3 orders',
      "+5 customer's first order",
    ]);
    expect(queue[0]!.ringVerdict).toEqual({ status: 'confirmed-fraud', analyst: 'K. Weber', at: NOW });
    // A hold keeps why, as the queue showed it: the verdict goes into the log with the decision.
    const entry = await core.decide(queue[0]!.orderKey, 'hold', 'FRAUD-RING', '');
    expect(entry.fired?.[0]).toMatchObject({ ruleId: 'ring-confirmed-fraud', points: 100 });

    // What if… measures matrices against the confirmed ring: scored without the verdict, or every matrix would look right.
    const whatIf = await core.matrixWhatIf(await core.scoringMatrix());
    expect(whatIf.knownFraud).toBe(3);
    expect(whatIf.current).toMatchObject({ hold: 1, review: 2 });
  });

  it('benign: ring size and ring chargebacks add nothing to its orders, and the queue says why', async () => {
    const { core, ringId } = await ringOfThree('ring-verdict-benign');
    await core.markRing(ringId, 'benign', 'a family on one laptop');
    const queue = await core.reviewQueue();
    // #2010 and #2011 were in review only for their ring: released from the queue.
    expect(queue.map((r) => [r.externalId, r.score, r.outcome])).toEqual([['#2012', 40, 'review']]);
    expect(queue[0]!.fired.map((f) => f.text)).toEqual([
      '+20 disposable e-mail domain',
      '+15 billing and shipping countries differ',
      "+5 customer's first order",
      '+0 its ring was judged benign by K. Weber, 2026-11-18 14:00 UTC: its ring size and chargebacks add nothing',
    ]);
    expect(queue[0]!.ringVerdict).toMatchObject({ status: 'benign', analyst: 'K. Weber' });
    // A later verdict stands: needs review again, and the ring counts as before.
    await core.markRing(ringId, 'needs-review', '');
    expect((await core.reviewQueue()).map((r) => [r.externalId, r.score, r.ringVerdict])).toEqual([
      ['#2012', 65, null],
      ['#2010', 30, null],
      ['#2011', 30, null],
    ]);
  });

  it('a matrix saved before the verdict rules existed scores with them all the same, under its own version', async () => {
    const { core, ringId } = await ringOfThree('ring-verdict-old-matrix');
    // As an older app saved it: no rule on either verdict.
    const old = {
      ...DEFAULT_MATRIX,
      version: 3,
      rules: DEFAULT_MATRIX.rules.filter((r) => !r.signal.startsWith('ringConfirmed') && r.signal !== 'ringBenign'),
    };
    await db.matrices.add({ version: 3, matrix: old, analyst: 'A. Lang', savedAt: NOW - 60 * MIN, note: 'our weights' });
    await core.markRing(ringId, 'confirmed-fraud', '');
    const queue = await core.reviewQueue();
    expect(queue.map((r) => [r.externalId, r.score, r.outcome, r.matrixVersion])).toEqual([
      ['#2010', 100, 'hold', 3],
      ['#2011', 100, 'hold', 3],
      ['#2012', 100, 'hold', 3],
    ]);
    // The matrix in force shows the rules it scores with, the verdict rules among them, and offers none as new.
    const inForce = await core.scoringMatrix();
    expect(inForce.version).toBe(3);
    expect(inForce.rules.filter((r) => r.id.startsWith('ring-confirmed') || r.id === 'ring-benign').map((r) => [r.id, r.points])).toEqual([
      ['ring-confirmed-fraud', 100],
      ['ring-benign', 0],
    ]);
  });
});
