// Rows of one order number next to each other that describe two different orders. Shopify writes an
// order's own columns (date, total, email) on its first line-item row and leaves them blank or
// repeated on the rows after it ("Order-level fields ... are typically populated on the first line
// item row for each order and may be blank on subsequent rows", docs.xbp.app, "Shopify order export
// format"), and "Shopify allows several orders to have the same name" (matrixify.app/documentation/
// orders): two shops' exports pasted into one sheet and sorted by Name put both shops' #1001 side by
// side. Read as one order, the second shop's buyer, date and total vanish without a word.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import type { FormatPreset } from '../../../shared/ingest/formats/preset';
import { bucketsAddUp, fixtureLines, runImport, values } from './support';

const HEADER = fixtureLines('shopify-orders.csv')[0]!.split(',');
const row = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '').join(',');
const shopA = {
  Name: '#1001',
  Email: 'anna@example.de',
  'Financial Status': 'paid',
  Currency: 'EUR',
  Total: '59.90',
  'Created at': '2026-05-01 10:00:00 +0200',
  'Lineitem name': 'Wanderschuh',
};
const shopB = { ...shopA, Email: 'mallory@example.com', Total: '899.00', 'Created at': '2026-05-03 22:41:00 +0200', 'Lineitem name': 'Zelt' };

describe('one order number, two orders on adjacent rows', () => {
  it("two shops' #1001 side by side are set aside, naming the line and column that disagree, not merged into the first", async () => {
    const run = await runImport([HEADER.join(','), row(shopA), row(shopB), row({ ...shopA, Name: '#1002' })].join('\n') + '\n', {
      fileName: 'orders_export.csv',
    });
    const s = run.summary;
    expect(bucketsAddUp(s)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['#1002']);
    expect(s.problems.map((p) => [p.file, p.line, p.code, p.columnName])).toEqual([
      ['orders_export.csv', 2, 'group-member', undefined],
      ['orders_export.csv', 3, 'duplicate-key', 'Created at'],
    ]);
    expect(s.problems[1]!.reason).toMatch(/line 2/);
    // Reasons name columns and lines, never the values.
    expect(s.problems[1]!.reason).not.toMatch(/899|mallory|#1001/);
  });

  it('an email that differs on a later row alone is enough; a repeated email and blank order columns are one order', async () => {
    const other = await runImport(
      [HEADER.join(','), row(shopA), row({ Name: '#1001', Email: 'mallory@example.com', 'Lineitem name': 'Zelt' })].join('\n') + '\n',
    );
    expect(other.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [2, 'group-member', undefined],
      [3, 'duplicate-key', 'Email'],
    ]);
    const same = await runImport([HEADER.join(','), row(shopA), row({ Name: '#1001', Email: 'anna@example.de', 'Lineitem name': 'Zelt' })].join('\n') + '\n');
    expect(same.summary.quarantined).toBe(0);
    expect(values<Order>(same, 'order')).toEqual([expect.objectContaining({ externalId: '#1001', email: 'anna@example.de', totalMinor: 5990 })]);
  });

  it("a mapped line-level file whose 'total' is each line's price reads its orders: a total per row is no second order", async () => {
    // A German shop's line-item export mapped in the wizard: Gesamtpreis is a synonym of the order
    // total (fields.ts) but holds each line's price, so one order's rows carry different amounts.
    const lines: FormatPreset = {
      id: 'test-lines',
      label: 'Line items',
      kind: 'orders',
      markerColumns: ['Bestellnummer', 'Bestelldatum', 'Gesamtpreis'],
      mapping: { externalId: 'Bestellnummer', createdAt: 'Bestelldatum', total: 'Gesamtpreis', email: 'E-Mail' },
      options: { source: 'shop-de', marketplace: 'shop', grouping: 'adjacent', defaultCurrency: 'EUR', decimalMark: ',' },
    };
    const run = await runImport(
      'Bestellnummer;Bestelldatum;Artikel;Gesamtpreis;E-Mail\n' +
        '1001;01.05.2026 10:00;Zelt;100,00;anna@example.de\n' +
        '1001;01.05.2026 10:00;Hering;5,00;anna@example.de\n' +
        '1002;02.05.2026 11:00;Zelt;100,00;ben@example.de\n',
      { preset: lines },
    );
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(run.summary.quarantined).toBe(0);
    expect(values<Order>(run, 'order').map((o) => o.externalId)).toEqual(['1001', '1002']);
  });
});
