// The top and new rings tables as CSV name each ring as the table, the PDF and the decision log do
// (`ring of #12338`), beside the cache's id (`ring:shopify:#12338`), which no screen shows.
import { describe, expect, it, vi } from 'vitest';
import type { PeriodRing } from '../../../shared/reports/fraudTrend';

const RINGS: PeriodRing[] = [
  { id: 'ring:shopify:#12338', ordersInRange: 16, valueInRangeMinor: 477_445, firstSeen: Date.UTC(2026, 9, 9, 8), score: 95.8, status: null },
  {
    id: 'ring:amazon.de:302-1527956-8848209',
    ordersInRange: 9,
    valueInRangeMinor: 247_463,
    firstSeen: Date.UTC(2026, 10, 17, 17),
    score: 92.5,
    status: 'confirmed-fraud',
  },
];

describe('a ring table as CSV', () => {
  it("names each ring as the screen and the decision log do, keeping the cache's id", async () => {
    // The views reach the app's stores, which read the window's location when loaded.
    vi.stubGlobal('location', { hash: '' });
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, location: { hash: '' } });
    const { ringTableCsv } = await import('../../../renderer/src/features/reports/RingTables');
    const csv = ringTableCsv('top-rings', RINGS, 'EUR');
    expect(csv.header).toEqual(['ring', 'orders_in_range', 'value_in_range', 'first_seen', 'risk', 'verdict', 'currency', 'ring_name']);
    expect(csv.rows).toEqual([
      ['ring:shopify:#12338', 16, 4774.45, '2026-10-09', 95.8, '', 'EUR', 'ring of #12338'],
      ['ring:amazon.de:302-1527956-8848209', 9, 2474.63, '2026-11-17', 92.5, 'confirmed-fraud', 'EUR', 'ring of 302-1527956-8848209'],
    ]);
  });
});
