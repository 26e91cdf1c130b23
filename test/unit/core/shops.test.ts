// Two own shops number their orders alike: the second shop's export never overwrites the first's
// without the analyst saying so. Asked, nothing is written; answered "another shop", both shops'
// orders live side by side; answered "same shop", they update.
import { PaymentStore } from '../../../renderer/src/core/storage/paymentStore';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService, type ImportResult } from '../../../renderer/src/core/imports/importService';
import type { ImportOutcome } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderKeyIndex } from '../../../renderer/src/core/storage/orderKeyIndex';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { TABLE_ROWS } from '../../../renderer/src/core/backup/tableSchemas';
import { fixedClock } from '../../../shared/time/clock';
import { shopifyExport, shopOrders } from '../../support/shopifyExport';
import { DisputeService } from '../../../renderer/src/core/disputes/disputeService';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const completed = (r: ImportResult | undefined): ImportOutcome => {
  if (!r || r.status === 'asks') throw new Error(`expected an import, got ${JSON.stringify(r)}`);
  return r;
};

async function setUp() {
  db = createDb(`shops-${n++}`);
  const service = new ImportService(db, clock);
  const first = completed((await service.run([file('shop-a.csv', shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')))], null))[0]);
  expect(first.summary.created).toBe(40);
  const outlet = file('outlet.csv', shopifyExport(shopOrders(40, '2026-06-15', 70, 'b.example')));
  return { service, outlet };
}

/** The IP the cache holds for the order at `key`, read from its block as stored. */
async function ipOf(key: string): Promise<string> {
  const at = (await OrderKeyIndex.load(db)).get(key)!;
  return (await new OrderRepository(db).readRows(at.blockId, [at.row])).orders[0]!.ip;
}

describe('two shops with the same order numbers', () => {
  it('names the file the orders came from, not a payments file that added their card details since', async () => {
    db = createDb(`shops-${n++}`);
    const service = new ImportService(db, clock);
    const header =
      'Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Shipping Name,Shipping Address1,Shipping Address2,Shipping City,Shipping Zip,Shipping Country,Billing Country,Phone,Payment Method,Risk Level';
    const shopA = [
      header,
      '#2001,anna.schmidt@gmx.de,paid,2026-11-05 10:00:00 +0100,unfulfilled,EUR,89.90,89.90,2026-11-05 10:00:00 +0100,1,Jacke,89.90,Anna Schmidt,Bergstraße 5,,München,80331,DE,DE,+49 171 1234567,Shopify Payments,Low',
      '#2002,anna.schmidt@gmx.de,paid,2026-11-08 12:30:00 +0100,unfulfilled,EUR,129.00,129.00,2026-11-08 12:30:00 +0100,1,Jacke,129.00,Anna Schmidt,Bergstraße 5,,München,80331,DE,DE,+49 171 1234567,Shopify Payments,Low',
    ].join('\n');
    const stripe = [
      'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email,Card BIN,Card Last4,Card Exp Month,Card Exp Year,Card Fingerprint,Card Brand,Card Issue Country,order_id (metadata),device_id (metadata),ip (metadata)',
      'ch_anna0,Order #2001,2026-11-05 09:00,89.90,0.00,eur,true,Paid,anna.schmidt@gmx.de,424242,4242,08,2028,fp_anna_card,Visa,DE,#2001,dev-anna-laptop,84.150.10.20',
      'ch_anna1,Order #2002,2026-11-08 11:30,129.00,0.00,eur,true,Paid,anna.schmidt@gmx.de,424242,4242,08,2028,fp_anna_card,Visa,DE,#2002,dev-anna-laptop,84.150.10.20',
    ].join('\n');
    const shopB = [
      header,
      '#2001,olaf.berger@t-online.de,paid,2026-11-15 14:00:00 +0100,unfulfilled,EUR,499.00,499.00,2026-11-15 14:00:00 +0100,1,Jacke,499.00,Olaf Berger,Seestraße 9,,Konstanz,78462,DE,DE,,Shopify Payments,Low',
      '#2002,petra.lenz@t-online.de,paid,2026-11-16 15:00:00 +0100,unfulfilled,EUR,15.00,15.00,2026-11-16 15:00:00 +0100,1,Jacke,15.00,Petra Lenz,Uferweg 2,,Lindau,88131,DE,DE,,Shopify Payments,Low',
    ].join('\n');
    expect(completed((await service.run([file('shopA_orders.csv', shopA)], null))[0]).summary.created).toBe(2);
    // The payments rewrite both orders with their card, device and IP: the last import to write them.
    expect(completed((await service.run([file('stripe_payments.csv', stripe)], null))[0]).summary).toMatchObject({ created: 2 });
    expect(await ipOf('shopify:#2001')).toBe('84.150.10.20');
    const [r] = await service.run([file('shopB_orders.csv', shopB)], null);
    if (r!.status !== 'asks') throw new Error(`expected a question, got ${r!.status}`);
    expect(r!.question).toMatchObject({ kind: 'clash', orders: 2, first: '#2001', last: '#2002', from: ['shopA_orders.csv'] });
  });

  it('the second shop’s export asks and writes nothing', async () => {
    const { service, outlet } = await setUp();
    const [r] = await service.run([outlet], null);
    expect(r!.status).toBe('asks');
    if (r!.status !== 'asks') return;
    expect(r!.question).toMatchObject({ file: 'outlet.csv', orders: 40, first: '#1001', last: '#1040', from: ['shop-a.csv'], differs: ['date', 'amount'] });
    expect(await db.imports.count()).toBe(1);
    expect((await OrderKeyIndex.load(db)).size).toBe(40);
  });

  it('"another shop" keeps both: the first shop’s orders are untouched, the outlet’s are its own and labelled', async () => {
    const { service, outlet } = await setUp();
    const second = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(second.summary).toMatchObject({ created: 40, updated: 0 });
    const index = await OrderKeyIndex.load(db);
    expect(index.size).toBe(80);
    expect(index.get('shopify:#1001')).toBeDefined();
    expect(index.get('shopify@outlet:#1001')).toBeDefined();
    // With two shops in the cache, the next own-shop file asks which shop it is from, the outlet offered as last time.
    expect(await service.run([outlet], null)).toMatchObject([
      { status: 'asks', question: { kind: 'which', shops: ['Outlet'], remembered: 'Outlet', format: { id: 'shopify-orders', records: 'orders' } } },
    ]);
    // Imported again as the outlet: nothing changes.
    const again = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 40 });
  });

  it('"same shop" updates them, as the analyst said', async () => {
    const { service, outlet } = await setUp();
    const second = completed((await service.run([outlet], null, undefined, {}, { shop: null, update: true }))[0]);
    expect(second.summary).toMatchObject({ created: 0, updated: 40 });
    expect((await OrderKeyIndex.load(db)).size).toBe(40);
    // What the update changed is said, and kept with the import.
    expect(second.changedFields).toEqual({ createdAt: 40, totalMinor: 40, email: 40 });
    const record = (await db.imports.get(second.importId))!;
    expect(record.changedFields).toEqual({ createdAt: 40, totalMinor: 40, email: 40 });
    // A backup holding the record restores it; one whose list names no order field is refused.
    expect(TABLE_ROWS.imports.safeParse(record).success).toBe(true);
    expect(TABLE_ROWS.imports.safeParse({ ...record, changedFields: { cardNumber: 1 } }).success).toBe(false);
    expect(TABLE_ROWS.imports.safeParse({ ...record, changedFields: { email: -1 } }).success).toBe(false);
  });

  it('the same shop’s next export (same orders, new status or more orders) does not ask', async () => {
    const { service } = await setUp();
    const more = shopOrders(45, '2026-05-01', 20, 'a.example');
    const r = completed((await service.run([file('shop-a-later.csv', shopifyExport(more).replaceAll(',paid,', ',refunded,'))], null))[0]);
    expect(r.summary).toMatchObject({ created: 5, updated: 40 });
    expect(r.changedFields).toEqual({ status: 40 });
    // A file read again as it was changes nothing, and its import keeps no list.
    const again = completed((await service.run([file('shop-a-again.csv', shopifyExport(more).replaceAll(',paid,', ',refunded,'))], null))[0]);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 45 });
    expect(again.changedFields).toEqual({});
    expect((await db.imports.get(again.importId))?.changedFields).toBeUndefined();
  });

  it('a file timed to the minute: an order on the hour whose e-mail was corrected is that order, not another shop’s', async () => {
    db = createDb(`shops-${n++}`);
    const service = new ImportService(db, clock);
    const timed = shopOrders(12, '2026-05-01', 20, 'a.example').map((r, i) => ({
      ...r,
      createdAt: `2026-05-01 ${String(9 + i).padStart(2, '0')}:${i === 0 ? '00' : '07'}:00 +0000`,
    }));
    completed((await service.run([file('minutes.csv', shopifyExport(timed))], null))[0]);
    const corrected = timed.map((r, i) => (i === 0 ? { ...r, email: 'buyer0@a-mail.example' } : r));
    const again = completed((await service.run([file('minutes-corrected.csv', shopifyExport(corrected))], null))[0]);
    expect(again.summary).toMatchObject({ updated: 1, unchanged: 11 });
    expect(again.changedFields).toEqual({ email: 1 });
  });

  it('a bad shop name is refused before anything is read', async () => {
    const { service, outlet } = await setUp();
    await expect(service.run([outlet], null, undefined, {}, { shop: 'a@b' })).rejects.toThrow(/Shop name: a shop name cannot hold @/);
  });
});

describe('a second shop’s payments imported while the cache holds only the first shop’s orders', () => {
  const stripe = (rows: string[]) =>
    [
      'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer Email,Card BIN,Card Last4,Card Exp Month,Card Exp Year,Card Fingerprint,Card Brand,Card Issue Country,order_id (metadata),ip (metadata)',
      ...rows,
    ].join('\n');
  // The outlet's orders, placed 1 September at 70.00 and up; the own shop's #1001-#1040 on 1 May at 20.00 and up.
  const outletPayments = stripe([
    'ch_out1,Order #1001,2026-09-01 09:00:30,70.00,0.00,eur,true,Paid,buyer0@b.example,555555,5555,08,2028,fp_out1,Mastercard,FR,#1001,198.51.100.1',
    'ch_out2,Order #1002,2026-09-01 10:00:40,15.00,0.00,eur,true,Paid,buyer1@b.example,555555,5556,08,2028,fp_out2,Mastercard,FR,#1002,198.51.100.2',
    'ch_out3,Order #1003,2026-09-01 11:00:40,10.00,0.00,gbp,true,Paid,buyer2@b.example,555555,5557,08,2028,fp_out3,Mastercard,GB,#1003,198.51.100.3',
    // The own shop's payment for its #1004 (23.00, 1 May 12:00 UTC), in the same file: it fits, and joins.
    'ch_own4,Order #1004,2026-05-01 12:00:30,23.00,0.00,eur,true,Paid,buyer3@a.example,424242,4242,08,2028,fp_own4,Visa,DE,#1004,203.0.113.4',
  ]);

  it('joins none to the first shop’s order it does not fit, keeps them, says why, and joins them to the second shop’s orders once they come', async () => {
    const { service } = await setUp();
    const paid = completed((await service.run([file('outlet_payments.csv', outletPayments)], null))[0]);
    // Every row kept: nothing set aside, nothing lost.
    expect(paid.summary).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, quarantined: 0 });
    expect(await new PaymentStore(db).count()).toBe(4);
    expect(paid.misfitPayments).toEqual({ counts: { currency: 1, amount: 1, date: 1 }, shopAsked: false });
    expect(paid.enrichedOrders).toBe(1);
    expect(await ipOf('shopify:#1001')).toBe('');
    expect(await ipOf('shopify:#1002')).toBe('');
    expect(await ipOf('shopify:#1003')).toBe('');
    expect(await ipOf('shopify:#1004')).toBe('203.0.113.4');
    expect(await new PaymentStore(db).get('ch_out1')).toMatchObject({ orderSource: 'shopify', shopAssumed: true });

    const outlet = file('outlet.csv', shopifyExport(shopOrders(40, '2026-09-01', 70, 'b.example')));
    expect((await service.run([outlet], null))[0]).toMatchObject({ status: 'asks', question: { kind: 'clash' } });
    const orders = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(orders.summary).toMatchObject({ created: 40 });
    expect(orders.enrichedOrders).toBe(3);
    expect(await ipOf('shopify@outlet:#1001')).toBe('198.51.100.1');
    expect(await ipOf('shopify@outlet:#1002')).toBe('198.51.100.2');
    // In pounds, taken with the outlet's #1003 (the buyer's currency at checkout): the outlet's, never the
    // own shop's #1003 of four months before. The own shop's payment for #1004 stays with its order.
    expect(await ipOf('shopify@outlet:#1003')).toBe('198.51.100.3');
    expect(await ipOf('shopify@outlet:#1004')).toBe('');
    expect(await ipOf('shopify:#1001')).toBe('');
    expect(await ipOf('shopify:#1004')).toBe('203.0.113.4');
  });

  it('the import history keeps what the card said of them; a backup takes the record, and one recorded before it was kept', async () => {
    const { service } = await setUp();
    completed((await service.run([file('outlet_payments.csv', outletPayments)], null))[0]);
    const [entry] = await service.list();
    expect(entry).toMatchObject({ fileName: 'outlet_payments.csv', misfitPayments: { counts: { currency: 1, amount: 1, date: 1 }, shopAsked: false } });
    const { undoable: _, team: __, ...record } = entry!;
    expect(TABLE_ROWS.imports.safeParse(record).success).toBe(true);
    const { misfitPayments: ___, ...older } = record;
    expect(TABLE_ROWS.imports.safeParse(older).success).toBe(true);
    expect(TABLE_ROWS.imports.safeParse({ ...record, misfitPayments: { counts: { currency: 1, amount: -1, date: 0 }, shopAsked: false } }).success).toBe(false);
    // A file whose payments all fit keeps none.
    const [orders] = await service.list().then((l) => l.filter((e) => e.fileName === 'shop-a.csv'));
    expect(orders).not.toHaveProperty('misfitPayments');
  });

  it('the evidence pack of the second shop’s order takes the payment joined by assumed shop, marked so, as the order’s detail lists it', async () => {
    const { service } = await setUp();
    completed((await service.run([file('outlet_payments.csv', outletPayments)], null))[0]);
    const outlet = file('outlet.csv', shopifyExport(shopOrders(40, '2026-09-01', 70, 'b.example')));
    completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    const disputes = [
      'id,Reason,Status,Charge ID,order_id (metadata),Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
      'dp_out1,fraudulent,needs_response,,#1001,70.00,eur,2026-11-10 10:00,2026-11-30 23:59,mastercard',
    ].join('\n');
    completed((await service.run([file('outlet_disputes.csv', disputes)], null, undefined, {}, { shop: 'Outlet' }))[0]);
    const store = new OrderStore(db);
    await store.open();
    const pack = await new DisputeService(db, new RingService(db, store, clock), clock).evidencePack('dp_out1');
    expect(pack.order).toContainEqual(['Order', '#1001 (Outlet)']);
    expect(pack.payment).toContainEqual(['Payment', 'ch_out1 (Stripe) · €70.00 · succeeded · joined by assumed shop']);
    expect(pack.checks.map((c) => c.text)).toContain(
      "Payment ch_out1 is joined by assumed shop to order #1001: nobody was asked which shop its payments file is from, and it did not fit the order of its number in the shop it was taken for, but fits this one. Make sure it is this order's payment before sending",
    );
  });

  it('payments said to be a shop’s join that shop’s order only, and the card says the shop was chosen', async () => {
    const { service, outlet } = await setUp();
    completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    // Said to be the own shop's: they do not fit its orders, and no other shop's order takes them.
    const paid = completed((await service.run([file('outlet_payments.csv', outletPayments)], null, undefined, {}, { shop: null }))[0]);
    expect(paid.misfitPayments).toEqual({ counts: { currency: 1, amount: 1, date: 1 }, shopAsked: true });
    expect(await new PaymentStore(db).get('ch_out1')).not.toHaveProperty('shopAssumed');
    expect(await ipOf('shopify:#1001')).toBe('');
    expect(await ipOf('shopify@outlet:#1001')).toBe('');
  });
});

describe('once the cache holds two shops, every own-shop file says which', () => {
  const fx = (name: string) => new File([readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url))], name);
  // The fixture's payment for #1001 (59.90, 1 May) paid for the outlet's #1001 (70.00, placed 15 June 09:00 UTC): it is dated
  // when that order was paid, or it fits no order of the outlet (paymentFit.ts).
  const outletStripe = () =>
    new File(
      [readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url), 'utf8').replace('2026-05-01 08:00:05', '2026-06-15 09:00:05')],
      'stripe-payments.csv',
    );

  async function twoShops() {
    const { service, outlet } = await setUp();
    completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    return service;
  }

  it('the own shop’s next export asks, even with nothing that clashes, and the answer is remembered for its format', async () => {
    const service = await twoShops();
    // New order numbers only: without the question they would silently land in the own shop.
    const later = file('shop-a-june.csv', shopifyExport(shopOrders(45, '2026-05-01', 20, 'a.example').slice(40)));
    const [asked] = await service.run([later], null);
    expect(asked).toMatchObject({ status: 'asks', question: { kind: 'which', shops: ['Outlet'], remembered: 'Outlet' } });
    expect(await db.imports.count()).toBe(2);
    const done = completed((await service.run([later], null, undefined, {}, { shop: null }))[0]);
    expect(done.summary).toMatchObject({ created: 5 });
    expect((await OrderKeyIndex.load(db)).get('shopify:#1045')).toBeDefined();
    expect(await service.run([later], null)).toMatchObject([{ question: { kind: 'which', remembered: null } }]);
  });

  it('payments say which shop too, and join that shop’s orders', async () => {
    const service = await twoShops();
    const [asked] = await service.run([fx('stripe-payments.csv')], null);
    expect(asked).toMatchObject({ status: 'asks', question: { kind: 'which', format: { id: 'stripe-payments', records: 'payments' } } });
    expect(await new PaymentStore(db).count()).toBe(0);
    const paid = completed((await service.run([outletStripe()], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(paid.enrichedOrders).toBeGreaterThan(0);
    // ch_3PaidAAA1 paid #1001 from 203.0.113.7: the outlet's #1001 has it, the own shop's does not.
    expect(await ipOf('shopify@outlet:#1001')).toBe('203.0.113.7');
    expect(await ipOf('shopify:#1001')).toBe('');
  });

  it('a shop’s payments never join another shop’s order of the same number, whichever file comes first', async () => {
    const service = await twoShops();
    completed((await service.run([outletStripe()], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(await ipOf('shopify@outlet:#1001')).toBe('203.0.113.7');
    // The own shop's next export (new statuses: every order updated) meets the outlet's payment for #1001 in the cache.
    const own = file('shop-a-later.csv', shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')).replaceAll(',paid,', ',refunded,'));
    const r = completed((await service.run([own], null, undefined, {}, { shop: null }))[0]);
    expect(r.summary).toMatchObject({ updated: 40 });
    expect(await ipOf('shopify:#1001')).toBe('');
    expect(await ipOf('shopify@outlet:#1001')).toBe('203.0.113.7');
    // The outlet's payments are labelled with the orders they are for, in the cache.
    const stored = await new PaymentStore(db).get('ch_3PaidAAA1');
    expect(stored).toMatchObject({ orderRef: '#1001', orderSource: 'shopify@outlet' });
  });

  it('a shop’s orders imported after its payments take them (and only theirs)', async () => {
    const { service } = await setUp();
    // The outlet's payments first, then the outlet's orders: its #1001 takes the payment's IP; the own shop's does not.
    completed((await service.run([outletStripe()], null, undefined, {}, { shop: 'Outlet' }))[0]);
    const outlet = file('outlet.csv', shopifyExport(shopOrders(40, '2026-06-15', 70, 'b.example')));
    const orders = completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]);
    expect(orders.summary).toMatchObject({ created: 40 });
    expect(orders.enrichedOrders).toBeGreaterThan(0);
    expect(await ipOf('shopify@outlet:#1001')).toBe('203.0.113.7');
    expect(await ipOf('shopify:#1001')).toBe('');
  });

  it('a shop chosen for a file still asks before it changes that shop’s orders', async () => {
    const service = await twoShops();
    // The own shop's export, said by mistake to be the outlet's: its #1001-#1040 meet the outlet's with other facts.
    const own = file('shop-a-again.csv', shopifyExport(shopOrders(40, '2026-05-01', 20, 'a.example')));
    const [asked] = await service.run([own], null, undefined, {}, { shop: 'Outlet' });
    expect(asked).toMatchObject({ status: 'asks', question: { kind: 'clash', shop: 'Outlet', orders: 40, from: ['outlet.csv'] } });
    const updated = completed((await service.run([own], null, undefined, {}, { shop: 'Outlet', update: true }))[0]);
    expect(updated.summary).toMatchObject({ created: 0, updated: 40 });
  });

  it('a saved format that names its shop never asks: its files are that shop’s', async () => {
    const service = await twoShops();
    const builtIn = (await service.formats()).find((f) => f.id === 'shopify-orders');
    expect(builtIn).toBeDefined();
    const { SHOPIFY_ORDERS } = await import('../../../shared/ingest/formats/shopify');
    await service.savePreset({ ...SHOPIFY_ORDERS, id: 'outlet-shopify', label: 'Outlet (Shopify)', options: { ...SHOPIFY_ORDERS.options, shop: 'Outlet' } });
    const more = file('outlet-july.csv', shopifyExport(shopOrders(42, '2026-06-15', 70, 'b.example')));
    const r = completed((await service.run([more], 'outlet-shopify'))[0]);
    expect(r.summary).toMatchObject({ created: 2, unchanged: 40 });
    expect((await OrderKeyIndex.load(db)).get('shopify@outlet:#1042')).toBeDefined();
    await expect(service.savePreset({ ...SHOPIFY_ORDERS, id: 'bad', label: 'Bad', options: { ...SHOPIFY_ORDERS.options, shop: 'a@b' } })).rejects.toThrow(
      /not a shop name/,
    );
  });

  it('a second shop whose name keys its orders like a known shop’s is refused before anything is read, never merged into it', async () => {
    const { service, outlet } = await setUp();
    expect(completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]).summary.created).toBe(40);
    // "Outlet+" and "Outlet" would both be shopify@outlet: the second would overwrite the first's #1001.
    const other = file('other.csv', shopifyExport(shopOrders(40, '2026-07-01', 90, 'c.example')));
    await expect(service.run([other], null, undefined, {}, { shop: 'Outlet+' })).rejects.toThrow(
      /“Outlet\+” would file its orders under the same key as the shop “Outlet”/,
    );
    // Two names in other scripts have the same (empty) slug too.
    expect(completed((await service.run([other], null, undefined, {}, { shop: 'ラーメン店' }))[0]).summary.created).toBe(40);
    const third = file('third.csv', shopifyExport(shopOrders(40, '2026-08-01', 95, 'd.example')));
    await expect(service.run([third], null, undefined, {}, { shop: '书店' })).rejects.toThrow(/same key as the shop “ラーメン店”/);
    const { SHOPIFY_ORDERS } = await import('../../../shared/ingest/formats/shopify');
    await expect(
      service.savePreset({ ...SHOPIFY_ORDERS, id: 'outlet2', label: 'Outlet 2', options: { ...SHOPIFY_ORDERS.options, shop: 'OUTLET!' } }),
    ).rejects.toThrow(/same key as the shop “Outlet”/);
    expect(await db.imports.count()).toBe(3);
    const index = await OrderKeyIndex.load(db);
    expect(index.size).toBe(120);
    // The shop named as before is that shop.
    expect(completed((await service.run([outlet], null, undefined, {}, { shop: 'Outlet' }))[0]).summary.unchanged).toBe(40);
  });

  it('marketplace orders never ask which shop', async () => {
    const service = await twoShops();
    expect(completed((await service.run([fx('amazon-all-orders.txt')], null))[0]).summary.created).toBeGreaterThan(0);
  });
});

describe('marketplace orders are never a shop question', () => {
  it('an Amazon unshipped report after the All Orders report (same orders, other fields and totals) updates without asking, however small the files', async () => {
    db = createDb(`shops-${n++}`);
    const service = new ImportService(db, clock);
    const fx = (name: string) => new File([readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url))], name);
    completed((await service.run([fx('amazon-all-orders.txt')], null))[0]);
    const second = completed((await service.run([fx('amazon-unshipped.txt')], null))[0]);
    expect(second.summary.updated).toBe(1);
  });
});
