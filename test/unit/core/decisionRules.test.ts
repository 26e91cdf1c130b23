// A decision keeps why the order scored as it did: the rules that fired when the analyst decided,
// as the queue showed them, in the chained entry, through a backup's checks and in the CSV export.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../renderer/src/core/createCore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { decisionEntrySchema } from '../../../shared/decisions/schema';
import { writeDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../normalize/orderFixture';

const NOW = Date.UTC(2026, 10, 18, 14, 0);
let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the rules that fired, in the decision log', () => {
  it('logs the queue’s rules with a hold or release, none with a note or an undo, and keeps them when the matrix changes', async () => {
    db = createDb('decision-rules');
    await new OrderRepository(db).append([
      order({ externalId: '#1', customerId: 'c1', email: 'a@example.org', status: 'paid', createdAt: NOW - 3_600_000, shipCountry: 'DE', billCountry: 'FR' }),
      order({ externalId: '#2', customerId: 'c2', email: 'b@example.org', status: 'paid', createdAt: NOW - 7_200_000, shipCountry: 'DE', billCountry: 'DE' }),
    ]);
    const core = createCore(db, fixedClock(NOW));
    await core.setAnalystName('K. Weber');
    // Drafts start from the matrix in force, as the Review screen's do.
    await core.saveMatrix(
      {
        version: (await core.scoringMatrix()).version,
        rules: [
          { id: 'new', signal: 'newCustomer', atLeast: 1, points: 40 },
          { id: 'mismatch', signal: 'countryMismatch', atLeast: 1, points: 25 },
        ],
        thresholds: { review: 30, hold: 60 },
      },
      'two rules',
    );
    const queue = await core.reviewQueue();
    const one = queue.find((r) => r.orderKey === 'shopify:#1')!;
    expect(one.fired.map((f) => f.ruleId)).toEqual(['new', 'mismatch']);

    const hold = await core.decide('shopify:#1', 'hold', 'VELOCITY', '');
    expect(hold.fired).toEqual(one.fired.map((f) => ({ ruleId: f.ruleId, points: f.points, text: f.text })));
    expect(hold.fired!.map((f) => f.text)).toEqual(["+40 customer's first order", '+25 billing and shipping countries differ']);
    expect(hold.score).toBe(65);
    const release = await core.decide('shopify:#2', 'release', 'FALSE-POSITIVE', '');
    expect(release.fired).toEqual([{ ruleId: 'new', points: 40, text: "+40 customer's first order" }]);
    const note = await core.decide('shopify:#1', 'note', '', 'called the customer');
    expect(note).not.toHaveProperty('fired');
    const [undo] = await core.undoDecisions([release.seq], [release.hash]);
    expect(undo).not.toHaveProperty('fired');

    // A later matrix scores differently; what was logged stays what the analyst saw.
    await core.saveMatrix(
      {
        version: (await core.scoringMatrix()).version,
        rules: [{ id: 'new', signal: 'newCustomer', atLeast: 1, points: 10 }],
        thresholds: { review: 5, hold: 60 },
      },
      'milder',
    );
    await core.reviewQueue();
    const log = await core.decisionLog();
    expect(log.find((e) => e.seq === hold.seq)!.fired).toEqual(hold.fired);
    expect(await core.verifyDecisionLog([])).toMatchObject({ chain: { ok: true, entries: 4 } });

    // A backup's entries pass the checks they meet on restore, rules and all.
    for (const e of log) expect(decisionEntrySchema.parse(e)).toEqual(e);
    const csv = writeDecisionsCsv(log).split('\r\n');
    expect(csv[0]!.split(',').at(-1)).toBe('rules');
    expect(csv[1]).toMatch(/,new: \+40 customer's first order; mismatch: \+25 billing and shipping countries differ$/);
  });
});
