// Amazon Seller Central order reports as the European marketplaces write them, for a seller who
// sells on several of them (and on its own shop) and imports every report into one cache.
import { describe, expect, it } from 'vitest';
import { channelLabel, orderKey, type Order } from '../../../shared/domain/order';
import { MemoryKnownRecords } from '../../../shared/ingest';
import { mergeProvided } from '../../../shared/ingest/writePlan';
import { bucketsAddUp, fixture, fixtureLines as lines, runImport, values, withCells } from './support';

// Seller Central's Unshipped Orders report (Orders > Order Reports > Unshipped Orders) lists what is
// left to ship: buyer, address and quantities, no currency and no prices. Its header as public
// parsers of the downloaded file spell it (an import test of a sales tool, with rows; a PHP model's
// csvHeader; a Python script writing the same layout), tab-separated, CRLF as Seller Central writes it.
const UNSHIPPED_HEADER = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'payments-date',
  'reporting-date',
  'promise-date',
  'days-past-promise',
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'sku',
  'product-name',
  'quantity-purchased',
  'quantity-shipped',
  'quantity-to-ship',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
  'is-iba',
  'verge-of-cancellation',
  'verge-of-lateShipment',
].join('\t');

function unshippedRow(orderId: string, cells: Record<string, string> = {}): string {
  const row = UNSHIPPED_HEADER.split('\t').map(() => '');
  const base: Record<string, string> = {
    'order-id': orderId,
    'order-item-id': '52336476957402',
    'purchase-date': '2026-05-03T09:30:00+00:00',
    'payments-date': '2026-05-03T09:30:00+00:00',
    'reporting-date': '2026-05-03T10:21:19+00:00',
    'promise-date': '2026-05-06T21:59:59+00:00',
    'days-past-promise': '-3',
    'buyer-email': 'abc123xyz@marketplace.amazon.de',
    'buyer-name': 'Jonas Weber',
    'buyer-phone-number': '+49 221 555123',
    sku: 'SL-1',
    'product-name': 'Stirnlampe',
    'quantity-purchased': '1',
    'quantity-shipped': '0',
    'quantity-to-ship': '1',
    'ship-service-level': 'Standard',
    'recipient-name': 'Jonas Weber',
    'ship-address-1': 'Domstraße 2',
    'ship-address-2': '3. OG',
    'ship-city': 'Köln',
    'ship-state': 'NRW',
    'ship-postal-code': '50667',
    'ship-country': 'DE',
    'is-business-order': 'false',
    'is-iba': 'false',
    'verge-of-cancellation': 'false',
    'verge-of-lateShipment': 'false',
    ...cells,
  };
  return withCells(UNSHIPPED_HEADER, row.join('\t'), base);
}

describe("Amazon's Unshipped Orders report: buyer and address, no prices", () => {
  it('adds the buyer and address to the order the All Orders report stored, keeping its amount and currency', async () => {
    const known = new MemoryKnownRecords();
    const first = await runImport(fixture('amazon-all-orders.txt'), { fileName: 'all-orders.txt' }, known);
    const before = values<Order>(first, 'order').find((o) => o.externalId === '305-7654321-7654321')!;
    expect(before).toMatchObject({ totalMinor: 2480, currency: 'EUR', channel: 'Amazon.de' });

    const run = await runImport([UNSHIPPED_HEADER, unshippedRow('305-7654321-7654321')].join('\r\n') + '\r\n', { fileName: 'unshipped.txt' }, known);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('amazon-unshipped');
    expect(run.summary.updated).toBe(1);
    expect(bucketsAddUp(run.summary)).toBe(true);
    const rec = run.written[0]!;
    expect(rec.provided).not.toContain('totalMinor');
    expect(rec.provided).not.toContain('currency');
    const after = mergeProvided<Order>(before, rec.value as Order, rec.provided);
    expect(after).toMatchObject({
      totalMinor: 2480,
      currency: 'EUR',
      channel: 'Amazon.de',
      shipName: 'Jonas Weber',
      shipStreet: 'Domstraße 2, 3. OG',
      email: 'abc123xyz@marketplace.amazon.de',
    });

    const again = await runImport([UNSHIPPED_HEADER, unshippedRow('305-7654321-7654321')].join('\r\n') + '\r\n', { fileName: 'unshipped.txt' }, known);
    expect(again.summary.unchanged).toBe(1);
  });

  it('an Amazon.co.uk order keeps its pounds and its marketplace when the unshipped report adds the address', async () => {
    const [header, , , pending] = lines('amazon-all-orders.txt');
    const uk = withCells(header!, pending!, {
      'amazon-order-id': '202-7654321-7654321',
      'sales-channel': 'Amazon.co.uk',
      currency: 'GBP',
      'ship-country': 'GB',
    });
    const known = new MemoryKnownRecords();
    const first = await runImport([header, uk].join('\n') + '\n', { fileName: 'all-orders.txt' }, known);
    const before = values<Order>(first, 'order')[0]!;
    expect(before).toMatchObject({ currency: 'GBP', totalMinor: 2480, channel: 'Amazon.co.uk' });

    const row = unshippedRow('202-7654321-7654321', {
      'buyer-email': 'q9z8y7@marketplace.amazon.co.uk',
      'recipient-name': 'Olivia Smith',
      'ship-address-1': '10 Downing Street',
      'ship-address-2': '',
      'ship-city': 'London',
      'ship-state': '',
      'ship-postal-code': 'SW1A 2AA',
      'ship-country': 'GB',
    });
    const run = await runImport([UNSHIPPED_HEADER, row].join('\r\n') + '\r\n', { fileName: 'unshipped-uk.txt' }, known);
    expect(run.summary.updated).toBe(1);
    const rec = run.written[0]!;
    const after = mergeProvided<Order>(before, rec.value as Order, rec.provided);
    expect(after).toMatchObject({ currency: 'GBP', totalMinor: 2480, channel: 'Amazon.co.uk', shipCity: 'London', shipPostcode: 'SW1A 2AA' });
  });

  it('an order the cache does not hold yet is set aside with what to import first, not stored at 0.00', async () => {
    const run = await runImport([UNSHIPPED_HEADER, unshippedRow('302-1111111-2222222'), unshippedRow('302-3333333-4444444')].join('\r\n') + '\r\n', {
      fileName: 'unshipped.txt',
    });
    expect(run.summary.errors).toEqual([]);
    expect(values<Order>(run, 'order')).toEqual([]);
    expect(run.summary.quarantined).toBe(2);
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(run.summary.problems[0]).toMatchObject({ file: 'unshipped.txt', column: 1, columnName: 'order-id' });
    expect(run.summary.problems[0]!.reason).toMatch(/no prices/);
    expect(run.summary.problems[0]!.reason).toMatch(/All Orders/);
  });
});

// An order's key is `source:number` (orderKey), and every Amazon marketplace's orders share the source
// `amazon.de`: Amazon order ids are unique across its marketplaces, and caches, decision logs and
// disputes hold those keys. The marketplace the file names is the order's channel, not its key.
describe('Amazon marketplaces other than Amazon.de (Amazon.com, Amazon.co.uk, Amazon.fr)', () => {
  const [header, , , pending] = lines('amazon-all-orders.txt');
  const sale = (id: string, channel: string, currency: string, country: string) =>
    withCells(header!, pending!, { 'amazon-order-id': id, 'sales-channel': channel, currency, 'ship-country': country });
  const file =
    [
      header,
      sale('111-1234567-7654321', 'Amazon.com', 'USD', 'US'),
      sale('202-1234567-7654321', 'Amazon.co.uk', 'GBP', 'GB'),
      sale('402-1234567-7654321', 'Amazon.fr', 'EUR', 'FR'),
    ].join('\n') + '\n';

  it('each order carries the marketplace its file names; keys stay amazon.de:<order id>, so a cache that stored them keeps them', async () => {
    const known = new MemoryKnownRecords();
    const first = await runImport(file, { fileName: 'all-orders-us-uk-fr.txt' }, known);
    expect(first.summary.errors).toEqual([]);
    expect(bucketsAddUp(first.summary)).toBe(true);
    const orders = values<Order>(first, 'order');
    expect(orders.map((o) => [channelLabel(o), o.currency, orderKey(o)])).toEqual([
      ['Amazon.com', 'USD', 'amazon.de:111-1234567-7654321'],
      ['Amazon.co.uk', 'GBP', 'amazon.de:202-1234567-7654321'],
      ['Amazon.fr', 'EUR', 'amazon.de:402-1234567-7654321'],
    ]);
    expect(first.written.map((r) => r.key)).toEqual(orders.map(orderKey));
    // Imported again (as into a cache filled before), the same orders: nothing created twice.
    const again = await runImport(file, { fileName: 'all-orders-us-uk-fr.txt' }, known);
    expect([again.summary.created, again.summary.updated, again.summary.unchanged]).toEqual([0, 0, 3]);
  });

  it("an Amazon.com order's total adds the sales tax the buyer paid on top; a European one's VAT is inside its price", async () => {
    // The same line (19.90, item-tax 3.18, shipping 4.90, no shipping tax) on each marketplace.
    const run = await runImport(file, { fileName: 'all-orders-us-uk-fr.txt' }, new MemoryKnownRecords());
    expect(run.summary.errors).toEqual([]);
    expect(values<Order>(run, 'order').map((o) => [channelLabel(o), o.totalMinor])).toEqual([
      ['Amazon.com', 2798],
      ['Amazon.co.uk', 2480],
      ['Amazon.fr', 2480],
    ]);
    // Shipping and gift-wrap tax too, and a promotion still comes off, on Amazon.ca as written in any case.
    const ca = withCells(header!, pending!, {
      'amazon-order-id': '701-1234567-7654321',
      'sales-channel': 'amazon.CA',
      currency: 'CAD',
      'ship-country': 'CA',
      'shipping-tax': '0.64',
      'gift-wrap-price': '2.00',
      'gift-wrap-tax': '0.26',
      'item-promotion-discount': '-1.00',
    });
    const canada = await runImport([header, ca].join('\n') + '\n', { fileName: 'all-orders-ca.txt' }, new MemoryKnownRecords());
    expect(values<Order>(canada, 'order')[0]!.totalMinor).toBe(1990 + 318 + 490 + 64 + 200 + 26 - 100);
  });
});
