// Amounts an import keeps but should not keep quiet about: a record whose currency cell is empty
// in a file that has a currency column is read in the format's default currency, and an order's
// total below zero is stored as written; the summary says so either way.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { SHOPIFY_HEADER } from '../../../shared/demo/shopifyExport';
import { bucketsAddUp, runImport, values } from './support';

function shopify(rows: Record<string, string>[]): string {
  return [SHOPIFY_HEADER.join(','), ...rows.map((cells) => SHOPIFY_HEADER.map((h) => cells[h] ?? '').join(','))].join('\n') + '\n';
}

const order = (name: string, currency: string) => ({
  Name: name,
  Email: `${name.slice(1)}@example.com`,
  Currency: currency,
  Total: '10.00',
  'Created at': '2026-06-03 10:00:00 +0200',
  'Lineitem quantity': '1',
  'Lineitem name': 'Cap',
});

describe('an empty currency cell', () => {
  it('is read in the format default, and the summary says how many orders were', async () => {
    const run = await runImport(shopify([order('#1', 'CHF'), order('#2', ''), order('#3', '')]));
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.currency, o.totalMinor])).toEqual([
      ['#1', 'CHF', 1000],
      ['#2', 'EUR', 1000],
      ['#3', 'EUR', 1000],
    ]);
    const warning = run.summary.warnings.find((w) => w.code === 'default-currency');
    expect(warning).toMatchObject({ line: 3, count: 2 });
    expect(warning!.message).toMatch(/empty were read in EUR, the format's default currency$/);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('says nothing when every order names its currency', async () => {
    const run = await runImport(shopify([order('#1', 'EUR'), order('#2', 'CHF')]));
    expect(run.summary.warnings.filter((w) => w.code === 'default-currency')).toEqual([]);
  });
});

describe('a total below zero', () => {
  it('is stored as written, and the summary says how many orders had one', async () => {
    const run = await runImport(shopify([{ ...order('#1', 'EUR'), Total: '-10.00' }, order('#2', 'EUR')]));
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.totalMinor])).toEqual([
      ['#1', -1000],
      ['#2', 1000],
    ]);
    expect(run.summary.warnings.find((w) => w.code === 'negative-total')).toMatchObject({ line: 2 });
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});
