// An order whose personal data an erasure or a retention purge blanked is marked as such, with
// the request's reference, so an analyst does not take its empty fields for missing data; an
// order the shop sent without an e-mail is not marked.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { erasedOrdersOf } from '../../../renderer/src/core/privacy/erasureRegister';
import { applyPersonalDataPlan, planCustomerErasure, planRetention } from '../../../renderer/src/core/privacy/personalData';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { setDisplayLocale } from '../../../shared/domain/money';
import { erasureMarkOf, erasureMarkSentence, erasureMarkText, erasureMarkWord } from '../../../shared/orders/erasureMarks';
import { fixedClock } from '../../../shared/time/clock';
import { order } from '../../support/orders';

const NOW = Date.UTC(2026, 10, 18, 14);
const clock = fixedClock(NOW);
let db: WorkbenchDb;
afterEach(async () => {
  setDisplayLocale('iso');
  await db.delete();
});

describe('erasure marks', () => {
  it('names the request that erased an order, and nothing for an order merely without an e-mail', async () => {
    db = createDb('erasure-marks-request');
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const mayDay = Date.UTC(2026, 4, 1, 10);
    await new OrderRepository(db).append([
      order({ externalId: '#1001', email: 'dora@example.org', createdAt: mayDay }),
      order({ externalId: '#1002', email: '', customerId: '', createdAt: mayDay }),
    ]);
    await applyPersonalDataPlan(db, await planCustomerErasure(db, 'dora@example.org'), { reference: 'GDPR-2026-118', clock });

    const erased = erasedOrdersOf(await db.erasures.toArray());
    const mark = erasureMarkOf(erased, 'shopify:#1001', mayDay);
    expect(mark).toEqual({ kind: 'request', reference: 'GDPR-2026-118', at: NOW });
    expect(erasureMarkOf(erased, 'shopify:#1002', mayDay)).toBeNull();
    expect([erasureMarkText(mark!), erasureMarkWord(mark!), erasureMarkSentence(mark!)]).toEqual([
      'erased on request GDPR-2026-118',
      'erased',
      'Personal data erased on request GDPR-2026-118 on 2026-11-18.',
    ]);
    // A key that only looks like a property of an object is no order.
    expect(erasureMarkOf(erased, 'constructor', mayDay)).toBeNull();
  });

  it('marks orders placed before the latest retention cut-off as purged, in the display setting', async () => {
    db = createDb('erasure-marks-retention');
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const cutoff = Date.UTC(2026, 4, 18);
    await new OrderRepository(db).append([order({ externalId: '#old', createdAt: cutoff - 1 }), order({ externalId: '#new', createdAt: cutoff })]);
    await applyPersonalDataPlan(db, await planRetention(db, cutoff), { reference: '', clock });

    const erased = erasedOrdersOf(await db.erasures.toArray());
    expect(erasureMarkOf(erased, 'shopify:#new', cutoff)).toBeNull();
    const mark = erasureMarkOf(erased, 'shopify:#old', cutoff - 1)!;
    expect(mark).toEqual({ kind: 'retention', before: cutoff, at: NOW });
    setDisplayLocale('de-DE');
    expect([erasureMarkText(mark), erasureMarkWord(mark)]).toEqual(['purged: placed before 18.05.2026', 'purged']);
  });
});
