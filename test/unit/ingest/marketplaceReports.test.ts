// Found by a review of marketplace and provider report layouts, read as the platforms write them.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { MemoryKnownRecords } from '../../../shared/ingest';
import { mergeProvided } from '../../../shared/ingest/writePlan';
import { bucketsAddUp, fixtureLines as lines, runImport, values, withCells } from './support';

describe('PayPal activity download, German account: funding rows are not customer payments', () => {
  // Typ as German PayPal writes it for a bank top-up that settles a negative balance (the counterpart of
  // `Bankgutschrift auf PayPal-Konto`; listed among PayPal's internal transfers, gross positive or negative,
  // in a public analysis of real German and English activity downloads). It contains "Zahlung" (in
  // "Zahlungsquelle") and none of the excluded words.
  it('"ACH-Überweisung als Zahlungsquelle für Ausgleich von Kontoguthaben" with a positive Brutto is set aside', async () => {
    const [header, payment] = lines('paypal-activity-de.csv');
    const topUp =
      '"09.05.2026","08:00:00","CEST","","ACH-Überweisung als Zahlungsquelle für Ausgleich von Kontoguthaben","Abgeschlossen","EUR","59,90","0,00","59,90","","shop@example.com","7GH89012JK3456789","","","","","0,00","0,00","0,00","","","","","","","","","","1.219,92","","","","","","","","","","","Haben"';
    const run = await runImport([header, payment, topUp].join('\n') + '\n', { fileName: 'Download.CSV' });
    expect(run.summary.format).toBe('paypal-activity-de');
    expect(values<Payment>(run, 'payment').map((p) => p.id)).toEqual(['1AB23456CD7890123']);
    expect(run.summary.problems).toEqual([expect.objectContaining({ line: 3, code: 'other-row-kind' })]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});

describe('Amazon All Orders report: multi-channel fulfilment orders are not Amazon sales', () => {
  // Amazon's field list for this report: amazon-order-id "058-3718414-0463502 or S01-3718414-0463502";
  // an S01- order is a Multi-Channel Fulfilment order: Amazon ships an order sold elsewhere (the own
  // shop's #1001, in merchant-order-id), sales-channel `Non-Amazon` (as the preset's own comment says).
  it('a Non-Amazon line is not stored as an Amazon marketplace order beside the shop order it ships', async () => {
    const [header, a1, a2] = lines('amazon-all-orders.txt');
    const mcf = withCells(header!, a1!, {
      'amazon-order-id': 'S01-3718414-0463502',
      'merchant-order-id': '#1001',
      'sales-channel': 'Non-Amazon',
      'item-price': '',
      'item-tax': '',
      'item-promotion-discount': '',
    });
    const run = await runImport([header, a1, a2, mcf].join('\n') + '\n', { fileName: 'all-orders.txt' });
    const orders = values<Order>(run, 'order');
    expect(orders.map((o) => o.externalId)).toEqual(['302-1234567-1234567']);
    expect(orders.filter((o) => o.marketplace === 'amazon' && o.channel === 'Non-Amazon')).toEqual([]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('a line with a blank sales-channel is still an order', async () => {
    const [header, a1, a2] = lines('amazon-all-orders.txt');
    const run = await runImport(
      [header, withCells(header!, a1!, { 'sales-channel': '' }), withCells(header!, a2!, { 'sales-channel': '' })].join('\n') + '\n',
      {
        fileName: 'all-orders.txt',
      },
    );
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['302-1234567-1234567']);
    expect(run.summary.quarantined).toBe(0);
  });
});

describe('Amazon All Orders report: a cancelled order keeps what it was ordered for', () => {
  // A cancelled line in the All Orders report has quantity 0 and leaves currency and item-price empty
  // (as in the public "Amazon Sale Report" data set drawn from it: Cancelled rows with no currency
  // or amount). The report covers orders by last-updated-date, so the order seen earlier as Pending
  // with its price comes again, cancelled, in the next export.
  it('re-importing the order as Cancelled with empty prices does not set its total to 0', async () => {
    const [header, , , pending] = lines('amazon-all-orders.txt');
    const known = new MemoryKnownRecords();
    const first = await runImport([header, pending].join('\n') + '\n', { fileName: 'all-orders-1.txt' }, known);
    expect(values<Order>(first, 'order')[0]).toMatchObject({ status: 'open', totalMinor: 2480, currency: 'EUR' });
    const cancelled = withCells(header!, pending!, {
      'last-updated-date': '2026-05-04T07:00:00+00:00',
      'order-status': 'Cancelled',
      'item-status': 'Cancelled',
      quantity: '0',
      currency: '',
      'item-price': '',
      'item-tax': '',
      'shipping-price': '',
      'shipping-tax': '',
    });
    const second = await runImport([header, cancelled].join('\n') + '\n', { fileName: 'all-orders-2.txt' }, known);
    expect(second.summary.updated).toBe(1);
    // What the cache holds afterwards: the writer merges the update's `provided` fields into the order.
    const before = values<Order>(first, 'order')[0]!;
    const rec = second.written[0]!;
    const after = mergeProvided<Order>(before, rec.value as Order, rec.provided);
    expect(after.status).toBe('cancelled');
    expect({ totalMinor: after.totalMinor, currency: after.currency }).toEqual({ totalMinor: 2480, currency: 'EUR' });
  });
});

describe('Amazon All Orders report: a line not priced yet', () => {
  // Pending lines leave item-price empty; one may still name its currency and a promotion discount.
  it('is stored without an amount, never as the discount alone, and the summary says so', async () => {
    const [header, , , pending] = lines('amazon-all-orders.txt');
    const unpriced = { 'order-status': 'Pending', 'item-status': 'Unshipped', 'item-price': '', 'item-tax': '', 'shipping-price': '', 'shipping-tax': '' };
    const text =
      [
        header,
        withCells(header!, pending!, { ...unpriced, 'amazon-order-id': '303-1111111-0000001', currency: '' }),
        withCells(header!, pending!, { ...unpriced, 'amazon-order-id': '303-1111111-0000002', currency: 'EUR', 'item-promotion-discount': '-5.00' }),
      ].join('\n') + '\n';
    const run = await runImport(text, { fileName: 'all-orders.txt' });
    expect(run.summary.created).toBe(2);
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.totalMinor])).toEqual([
      ['303-1111111-0000001', 0],
      ['303-1111111-0000002', 0],
    ]);
    // Neither says it has an amount: a later report with prices is an update that sets it.
    expect(run.written.every((r) => !r.provided.includes('totalMinor'))).toBe(true);
    expect(run.summary.warnings).toContainEqual(expect.objectContaining({ code: 'no-amount-yet', count: 2 }));
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});

describe('Amazon unshipped orders report with gift options', () => {
  // Amazon's help page on the order report (Seller Central help item 651): "If you use Amazon's optional
  // services, item tax, gift wrap tax and shipping tax amounts collected by you will be shown in the
  // Order Report" - a seller with gift options gets gift-wrap-price / gift-wrap-tax in it, as the All
  // Orders report always has. The buyer paid the gift wrap: it is part of the order total both reports give.
  it('gift-wrap-price is part of the total, as the All Orders report reads it, so neither report lowers the other', async () => {
    const [aHeader, , , aPending] = lines('amazon-all-orders.txt');
    const allOrders = [aHeader, withCells(aHeader!, aPending!, { 'gift-wrap-price': '3.99', 'gift-wrap-tax': '0.64' })].join('\n') + '\n';
    const [uHeader, uRow] = lines('amazon-unshipped.txt');
    const header = uHeader!.replace('\tshipping-tax\t', '\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\t');
    const row = uRow!.split('\t');
    row.splice(uHeader!.split('\t').indexOf('shipping-tax') + 1, 0, '3.99', '0.64');
    const unshipped = [header, row.join('\t')].join('\n') + '\n';

    const alone = await runImport(unshipped, { fileName: 'unshipped.txt' });
    expect(alone.summary.format).toBe('amazon-unshipped');
    expect(values<Order>(alone, 'order')[0]!.totalMinor).toBe(1990 + 490 + 399);

    const known = new MemoryKnownRecords();
    const first = await runImport(allOrders, { fileName: 'all-orders.txt' }, known);
    const before = values<Order>(first, 'order')[0]!;
    expect(before.totalMinor).toBe(1990 + 490 + 399);
    const second = await runImport(unshipped, { fileName: 'unshipped.txt' }, known);
    const rec = second.written[0]!;
    expect(mergeProvided<Order>(before, rec.value as Order, rec.provided).totalMinor).toBe(1990 + 490 + 399);
  });
});
