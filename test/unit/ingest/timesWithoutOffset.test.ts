// A Shopify export always writes an order's time with its UTC offset (`2026-12-03 10:00:00 +0100`).
// Saved again by a spreadsheet (`03.12.2026 10:00`), it has none: the import reads the times in the
// format's zone (UTC) as before, and now says so, naming the column, the line and the value, since
// they may be the shop's local time (the reviewer's file: 10:00 stored, 09:00 UTC meant).
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { SHOPIFY_HEADER } from '../../../shared/demo/shopifyExport';
import { bucketsAddUp, runImport, values } from './support';

function shopify(times: string[]): string {
  const rows = times.map((t, i) => ({
    Name: `#${i + 1}`,
    Email: `b${i}@example.com`,
    Currency: 'EUR',
    Total: '10.00',
    'Created at': t,
    'Lineitem name': 'Cap',
  }));
  return [SHOPIFY_HEADER.join(','), ...rows.map((cells) => SHOPIFY_HEADER.map((h) => (cells as Record<string, string>)[h] ?? '').join(','))].join('\n') + '\n';
}

describe('order times without their UTC offset in a Shopify export', () => {
  it('are read as UTC, and the summary names the column, line and value and why it matters', async () => {
    const run = await runImport(shopify(['2026-12-03 09:00:00 +0100', '03.12.2026 10:00']));
    expect(values<Order>(run, 'order').map((o) => new Date(o.createdAt).toISOString())).toEqual(['2026-12-03T08:00:00.000Z', '2026-12-03T10:00:00.000Z']);
    const warning = run.summary.warnings.find((w) => w.code === 'time-without-offset');
    expect(warning).toMatchObject({ line: 3 });
    expect(warning!.message).toMatch(/"Created at"|Created at/);
    expect(warning!.message).toContain('“03.12.2026 10:00”');
    expect(warning!.message).toMatch(/a spreadsheet may have saved the file again\. They were read as UTC; if they are the shop's local time/);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('say nothing when every time has its offset (Z included), or no time of day at all', async () => {
    for (const times of [
      ['2026-12-03 09:00:00 +0100', '2026-12-03T09:00:00Z'],
      ['2026-12-03', '03.12.2026'],
    ]) {
      const run = await runImport(shopify(times));
      expect(
        run.summary.warnings.filter((w) => w.code === 'time-without-offset'),
        times.join(' '),
      ).toEqual([]);
    }
  });
});
