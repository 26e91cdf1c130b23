// What a batch writes, decided without a database: new orders and updates, payments merged onto
// what the cache (or an earlier record of the batch) holds with undo data, and the payment join.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import type { ParsedRecord } from '../../../shared/ingest/records';
import {
  changedFields,
  mergeProvided,
  ordersPaymentsReach,
  paymentRefsOf,
  planBatchWrites,
  withDecisivePayments,
  type StoredLookup,
} from '../../../shared/ingest/writePlan';
import { order } from '../normalize/orderFixture';

const payment = (fields: Partial<Payment> = {}): Payment => ({
  id: 'ch_1',
  provider: 'stripe',
  orderRef: '#1001',
  createdAt: 1000,
  amountMinor: 1000,
  currency: 'EUR',
  status: 'succeeded',
  email: '',
  ip: '',
  cardBin: '',
  cardLast4: '',
  cardExpiry: '',
  cardFingerprint: '',
  cardBrand: '',
  cardCountry: '',
  ...fields,
});
const base = { scope: 's', hash: 'h', line: 2, lines: null, rows: 1 };
const rec = <K extends ParsedRecord['kind']>(kind: K, key: string, value: Extract<ParsedRecord, { kind: K }>['value'], provided: string[]): ParsedRecord =>
  ({ ...base, kind, key, value, provided }) as ParsedRecord;
const nothingStored: StoredLookup = { payment: () => null, dispute: () => null, claim: () => null };

describe('planBatchWrites', () => {
  it('sends orders the cache lacks to created (stamped with the import) and the others to updated', () => {
    const plan = planBatchWrites(
      { created: [rec('order', 'shopify:#1', order(), ['email'])], updated: [rec('order', 'shopify:#2', order({ externalId: '#2' }), ['email'])] },
      7,
      nothingStored,
    );
    expect(plan.created.map((c) => [c.key, c.stamp])).toEqual([['shopify:#1', { importId: 7, scope: 's', hash: 'h' }]]);
    expect(plan.updated.map((r) => r.key)).toEqual(['shopify:#2']);
  });

  it('merges a payment onto the stored one, keeping what the file did not provide, and keeps the stored one for undo', () => {
    const stored = { ...payment({ email: 'a@example.com', ip: '10.0.0.1' }), stamp: { importId: 1, scope: 'x', hash: 'old' } };
    const plan = planBatchWrites({ created: [rec('payment', 'ch_1', payment({ ip: '10.0.0.2', email: '' }), ['ip'])], updated: [] }, 2, {
      ...nothingStored,
      payment: () => stored,
    });
    expect(plan.payments).toHaveLength(1);
    expect(plan.payments[0]!.previous).toBe(stored);
    expect(plan.payments[0]!.next).toMatchObject({ email: 'a@example.com', ip: '10.0.0.2', stamp: { importId: 2, hash: 'h' } });
  });

  it('merges a payment met twice in one batch onto its first version, and undo goes back to the stored one in two steps', () => {
    const plan = planBatchWrites(
      {
        created: [rec('payment', 'ch_1', payment({ ip: '1.1.1.1' }), ['ip', 'email']), rec('payment', 'ch_1', payment({ email: 'b@example.com' }), ['email'])],
        updated: [],
      },
      3,
      nothingStored,
    );
    expect(plan.payments.map((c) => c.previous?.ip ?? null)).toEqual([null, '1.1.1.1']);
    expect(plan.payments[1]!.next).toMatchObject({ ip: '1.1.1.1', email: 'b@example.com' });
  });
});

describe('the payment join', () => {
  it('reaches stored shop orders by any spelling of the order number, once, and not those being written', () => {
    const at = { blockId: 1, row: 4, scope: 's', hash: 'h' };
    const stored = new Map([
      ['shopify:#1001', at],
      ['shopify:1002', { ...at, row: 5 }],
    ]);
    const reached = ordersPaymentsReach(
      [payment({ orderRef: '1001' }), payment({ orderRef: '#1001' }), payment({ orderRef: '#1002' }), payment({ orderRef: '#1003' })],
      'shopify',
      new Set(['shopify:#1003']),
      (k) => stored.get(k),
    );
    expect(reached.map((r) => r.key)).toEqual(['shopify:#1001', 'shopify:1002']);
  });

  it("gives a shop order of the payments' source the facts of its decisive payment; others stay the same object", () => {
    const shop = order({ externalId: '#1001' });
    const amazon = order({ externalId: '#1001', marketplace: 'amazon', source: 'amazon' });
    const paid = [payment({ status: 'failed', cardLast4: '0002' }), payment({ id: 'ch_2', cardLast4: '4242', cardBin: '424242', createdAt: 900 })];
    expect(paymentRefsOf([shop, amazon])).toEqual(['#1001', '1001']);
    const [joined, untouched] = withDecisivePayments([shop, amazon], paid, 'shopify');
    expect(joined).toMatchObject({ cardLast4: '4242', cardBin: '424242' });
    expect(untouched).toBe(amazon);
    expect(withDecisivePayments([shop], [], 'shopify')[0]).toBe(shop);
  });

  it("joins a payment to its own shop's order only: another shop's #1001, or a payment without a shop, other than the fallback, is left alone", () => {
    const main = order({ externalId: '#1001' });
    const outlet = order({ externalId: '#1001', source: 'shopify@outlet' });
    const forOutlet = payment({ id: 'ch_out', cardLast4: '1111', orderSource: 'shopify@outlet' });
    const forMain = payment({ id: 'ch_main', cardLast4: '2222', orderSource: 'shopify', createdAt: 1 });
    const older = payment({ id: 'ch_old', cardLast4: '3333', createdAt: 2 });
    expect(paymentRefsOf([main, outlet])).toEqual(['#1001', '1001']);
    const [m, o] = withDecisivePayments([main, outlet], [forOutlet, forMain], 'shopify');
    expect(m).toMatchObject({ cardLast4: '2222' });
    expect(o).toMatchObject({ cardLast4: '1111' });
    // A payment stored before payments named their shop is the fallback shop's, as it was.
    const [m2, o2] = withDecisivePayments([main, outlet], [older], 'shopify');
    expect(m2).toMatchObject({ cardLast4: '3333' });
    expect(o2).toBe(outlet);
  });

  it("leaves a payment that does not fit its shop's order of the number unjoined, and says which and why", () => {
    const shopA = order({ externalId: '#1001', totalMinor: 2000, createdAt: Date.UTC(2026, 4, 1) });
    const day = Date.UTC(2026, 4, 1, 9);
    const misfits: [string, string][] = [];
    const hear = (p: Payment, why: string) => misfits.push([p.id, why]);
    const pay = (fields: Partial<Payment>) => payment({ orderSource: 'shopify', createdAt: day, amountMinor: 2000, cardLast4: '9999', ...fields });
    for (const [p, why] of [
      [pay({ id: 'ch_gbp', currency: 'GBP', createdAt: day + 20 * 86_400_000 }), 'currency'],
      [pay({ id: 'ch_more', amountMinor: 7000 }), 'amount'],
      [pay({ id: 'ch_late', createdAt: day + 200 * 86_400_000 }), 'date'],
    ] as const) {
      expect(withDecisivePayments([shopA], [p], 'shopify', undefined, hear)[0]).toBe(shopA);
      expect(misfits.at(-1)).toEqual([p.id, why]);
    }
    // A partial capture, a refund: they fit, and join.
    expect(withDecisivePayments([shopA], [pay({ id: 'ch_part', amountMinor: 1500 })], 'shopify')[0]).toMatchObject({ cardLast4: '9999' });
    expect(withDecisivePayments([shopA], [pay({ id: 'ch_ref', status: 'refunded' })], 'shopify')[0]).toMatchObject({ cardLast4: '9999' });
  });

  it("joins a payment whose shop nobody was asked to another shop's order it fits, once it does not fit its own shop's; a chosen shop's never", () => {
    const placedA = Date.UTC(2026, 4, 1);
    const placedB = Date.UTC(2026, 5, 15);
    const shopA = order({ externalId: '#1001', totalMinor: 2000, createdAt: placedA });
    const outlet = order({ externalId: '#1001', source: 'shopify@outlet', totalMinor: 7000, createdAt: placedB });
    const forOutlet = payment({ orderSource: 'shopify', shopAssumed: true, createdAt: placedB + 60_000, amountMinor: 7000, cardLast4: '7777' });
    const [a, b] = withDecisivePayments([shopA, outlet], [forOutlet], 'shopify', () => shopA);
    expect(a).toBe(shopA);
    expect(b).toMatchObject({ cardLast4: '7777' });
    // Fitting its own shop's order, it stays there: one payment, one order.
    const fitsA = { ...forOutlet, createdAt: placedA + 60_000, amountMinor: 2000 };
    const roomy = { ...outlet, createdAt: placedA };
    const [a2, b2] = withDecisivePayments([shopA, roomy], [fitsA], 'shopify', () => shopA);
    expect(a2).toMatchObject({ cardLast4: '7777' });
    expect(b2).toBe(roomy);
    // Its own shop's order not in the cache yet: it waits for that one.
    expect(withDecisivePayments([outlet], [forOutlet], 'shopify', () => undefined)[0]).toBe(outlet);
    // The analyst said it is the first shop's: it joins no other.
    const { shopAssumed: _, ...chosen } = forOutlet;
    expect(withDecisivePayments([outlet], [chosen], 'shopify', () => shopA)[0]).toBe(outlet);
  });

  it('mergeProvided takes only the provided fields', () => {
    expect(mergeProvided({ a: 1, b: 2 }, { a: 9, b: 8 }, ['b'])).toEqual({ a: 1, b: 8 });
  });
});

describe('what an update changes', () => {
  it('names the provided fields whose value differs, an empty text and an absent field being one', () => {
    const stored = order({ status: 'paid', email: 'a@example.com', totalMinor: 1000, phone: '' });
    const next = { ...stored, status: 'refunded' as const, email: 'a@example.com', totalMinor: 1200, phone: '', shipCity: 'Köln' };
    expect(changedFields(stored, next, ['status', 'email', 'totalMinor', 'phone'])).toEqual(['status', 'totalMinor']);
    // Not provided by the file: not compared, whatever the update holds.
    expect(changedFields(stored, next, ['email'])).toEqual([]);
    const { phone: _absent, ...withoutPhone } = stored;
    expect(changedFields(withoutPhone, stored, ['phone'])).toEqual([]);
    expect(changedFields(stored, { ...stored, cvcCheck: 'pass' }, ['cvcCheck'])).toEqual(['cvcCheck']);
    // 0 and -0 are one amount, NaN is itself.
    expect(changedFields({ ...stored, totalMinor: 0 }, { ...stored, totalMinor: -0 }, ['totalMinor'])).toEqual([]);
    expect(changedFields({ ...stored, createdAt: NaN }, { ...stored, createdAt: NaN }, ['createdAt'])).toEqual([]);
  });
});
