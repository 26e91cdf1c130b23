// A link override on the customer's e-mail, or a file attached to the dispute on her order, added
// in another window between planning an erasure and confirming it: the erasure blanked only the
// overrides and removed only the files it found when planned, and the new ones kept her data.
// Now it is refused as a stale plan, nothing erased, and planned again it takes them too.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AttachmentService } from '../../../renderer/src/core/disputes/attachmentService';
import { applyPersonalDataPlan, planCustomerErasure } from '../../../renderer/src/core/privacy/personalData';
import { RingDecisions } from '../../../renderer/src/core/rings/ringDecisions';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../../support/orders';
import { openFraudDispute } from '../../support/disputes';
import { analystWindows } from '../../support/freshDbs';

const NOW = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(NOW);
const open = analystWindows();

/** Anna's order #1001 with a fraud chargeback on it, and Tim's #2001. */
async function cache(name: string): Promise<WorkbenchDb> {
  const db = await open(name);
  await new OrderRepository(db).append([
    order({ externalId: '#1001', email: 'anna@example.de', shipName: 'Anna Schmidt', createdAt: NOW - 3600_000 }),
    order({ externalId: '#2001', email: 'tim@example.de', shipName: 'Tim Wolf', createdAt: NOW - 3600_000 }),
  ]);
  await db.disputes.put(openFraudDispute('dp_1', 'shopify:#1001', NOW));
  return db;
}

const MAIL = new TextEncoder().encode('From: anna@example.de\nSubject: my order\n\nIt never came. Anna Schmidt, Hauptstr. 5');

describe('an erasure and what another window adds between planning and confirming it', () => {
  it('a link override on her e-mail: refused, nothing erased; planned again, it is blanked too', async () => {
    const db = await cache('erase-override-since');
    const plan = await planCustomerErasure(db, 'anna@example.de');
    const other = await open('erase-override-since');
    await new RingDecisions(other, clock).addOverride('email', 'anna@example.de', 'never-link', 'shared family inbox');
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-3', clock })).rejects.toMatchObject({
      name: 'StalePlanError',
      message:
        'A link override on the customer’s values was added since this was planned, in this or another window: nothing was erased. Look again and confirm, so it goes too.',
    });
    expect(await db.erasures.count()).toBe(0);
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna@example.de'), { reference: 'DSR-3', clock });
    expect((await db.linkOverrides.toArray()).map((o) => o.value)).toEqual(['']);
  });

  it('a file attached to the dispute on her order: refused, nothing erased; planned again, it is removed too', async () => {
    const db = await cache('erase-file-since');
    const plan = await planCustomerErasure(db, 'anna@example.de');
    expect(plan.attachments).toEqual([]);
    const other = await open('erase-file-since');
    await new AttachmentService(other, clock).attach('dp_1', 'anna-mail.eml', MAIL, 'customer-email');
    await expect(applyPersonalDataPlan(db, plan, { reference: 'DSR-4', clock })).rejects.toThrow(
      'A file attached to a dispute on the customer’s orders was added since this was planned',
    );
    expect(await db.disputeAttachments.count()).toBe(1);
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'anna@example.de'), { reference: 'DSR-4', clock });
    expect(await db.disputeAttachments.count()).toBe(0);
  });

  it('an override on another customer’s value meanwhile does not hold it up', async () => {
    const db = await cache('erase-other-override');
    const plan = await planCustomerErasure(db, 'anna@example.de');
    const other = await open('erase-other-override');
    await new RingDecisions(other, clock).addOverride('email', 'tim@example.de', 'allow', 'his own two accounts');
    await applyPersonalDataPlan(db, plan, { reference: 'DSR-5', clock });
    expect((await db.linkOverrides.toArray()).map((o) => o.value)).toEqual(['tim@example.de']);
  });
});
