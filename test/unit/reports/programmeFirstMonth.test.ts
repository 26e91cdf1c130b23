// Programme months over a month whose transactions the cache holds only in part: the cached orders
// start on 25 October, so October's Visa ratio (VAMP, this month's transactions) and November's
// Mastercard ratio (ECM, last month's) divide whole months' chargebacks by a week of sales. They
// read as over a threshold with nothing on the row to say the denominator is partial.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { kpiReport } from '../../../shared/reports/kpi';
import { programmeMonths } from '../../../shared/reports/programmes';
import { order } from '../normalize/orderFixture';
import { SMALL } from './programmeFixtures';

const at = (month: number, day: number, hour = 12) => Date.UTC(2026, month - 1, day, hour);
const chargeback = (id: string, network: Dispute['network'], openedAt: number): Dispute => ({
  id,
  provider: 'adyen',
  paymentId: id,
  orderKey: `shopify:${id}`,
  network,
  reasonCode: network === 'visa' ? '10.4' : '4837',
  amountMinor: 1000,
  currency: 'EUR',
  openedAt,
  dueAt: 0,
  status: 'new',
});

// The cache starts on Sunday 25 October 2026, 12:00: 4 Visa and 2 Mastercard sales in October's last week, 20 and 10 in November.
const FIRST = at(10, 25);
const ORDERS = [
  ...Array.from({ length: 4 }, (_, i) => order({ externalId: `#v${i}`, cardBrand: 'visa', status: 'paid', createdAt: FIRST + i * 86_400_000 })),
  ...Array.from({ length: 2 }, (_, i) => order({ externalId: `#m${i}`, cardBrand: 'mastercard', status: 'paid', createdAt: at(10, 30 + i) })),
  ...Array.from({ length: 20 }, (_, i) => order({ externalId: `#vn${i}`, cardBrand: 'visa', status: 'paid', createdAt: at(11, 1 + i) })),
  ...Array.from({ length: 10 }, (_, i) => order({ externalId: `#mn${i}`, cardBrand: 'mastercard', status: 'paid', createdAt: at(11, 1 + i) })),
];
// Chargebacks: Visa 2 in October (on orders from before the cache) and 1 in November; Mastercard 3 in November, 1 in December.
const DISPUTES = [
  chargeback('d1', 'visa', at(10, 3)),
  chargeback('d2', 'visa', at(10, 9)),
  chargeback('d3', 'visa', at(11, 12)),
  chargeback('d4', 'mastercard', at(11, 4)),
  chargeback('d5', 'mastercard', at(11, 5)),
  chargeback('d6', 'mastercard', at(11, 6)),
  chargeback('d7', 'mastercard', at(12, 2)),
];

describe('programme months over transactions the cache holds only in part', () => {
  const months = programmeMonths(ORDERS, DISPUTES, SMALL);
  const get = (p: string, m: string) => months.find((x) => x.programme === p && x.month === m)!;

  it('say from when the denominator month holds transactions: VAMP of the first month, ECM of the month after it', () => {
    // October VAMP: 2 / 4 = 50 %, over October's 4 sales from the 25th on only.
    expect(get('visa-vamp', '2026-10')).toMatchObject({ numerator: 2, denominator: 4, ratio: 0.5, transactionsFrom: FIRST });
    // November ECM: 3 / October's 2 = 150 %, those 2 from the 25th on only.
    expect(get('mastercard-ecm', '2026-11')).toMatchObject({ numerator: 3, denominator: 2, ratio: 1.5, transactionsFrom: FIRST });
    // Whole months: November VAMP (1 / 20), December ECM (1 / November's 10), October ECM (September: none in the cache, no ratio).
    expect(get('visa-vamp', '2026-11')).toMatchObject({ numerator: 1, denominator: 20, ratio: 0.05 });
    expect(get('visa-vamp', '2026-11').transactionsFrom).toBeUndefined();
    expect(get('mastercard-ecm', '2026-12')).toMatchObject({ numerator: 1, denominator: 10, ratio: 0.1 });
    expect(get('mastercard-ecm', '2026-12').transactionsFrom).toBeUndefined();
    expect(get('mastercard-ecm', '2026-10')).toMatchObject({ numerator: 0, denominator: 0, ratio: null });
    expect(get('mastercard-ecm', '2026-10').transactionsFrom).toBeUndefined();
  });

  it('take a cache starting on the first day of a month as whole (a day of grace, as for the latest order)', () => {
    const onTheFirst = (t: number) => programmeMonths([order({ externalId: '#v', cardBrand: 'visa', status: 'paid', createdAt: t })], [], SMALL)[0]!;
    expect(onTheFirst(Date.UTC(2026, 9, 1, 23, 59)).transactionsFrom).toBeUndefined();
    expect(onTheFirst(Date.UTC(2026, 9, 2)).transactionsFrom).toBe(Date.UTC(2026, 9, 2));
  });

  it('the KPI report says so on the row and under the table', async () => {
    // The views reach the app's stores, which read the window's location when loaded.
    vi.stubGlobal('location', { hash: '' });
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, location: { hash: '' } });
    const { KpiView } = await import('../../../renderer/src/features/reports/KpiView');
    const report = kpiReport({
      from: at(11, 1, 0),
      to: at(12, 1, 0),
      slaHours: 24,
      decisions: [],
      placedAt: new Map(),
      ordersPlaced: 30,
      disputes: DISPUTES,
      submittedAt: new Map(),
      programmes: months,
      thresholds: SMALL,
    });
    const html = renderToStaticMarkup(createElement(KpiView, { report, stamp: 's' }));
    const table = html.split('data-testid="kpi-programmes"')[1]!.split('</table>')[0]!;
    const rows = [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((td) => td[1]!.replace(/<[^>]+>/g, '')),
    );
    expect(rows.filter((r) => r.length).map((r) => r.slice(0, 4))).toEqual([
      ['2026-11', 'Visa VAMP', '1', '20'],
      ['2026-11', 'Mastercard ECM', '3', '2 (from 2026-10-25)'],
    ]);
    expect(html.replace(/<[^>]+>/g, ' ')).toContain(
      'The cached orders start on 2026-10-25: transactions marked &quot;from&quot; are only part of their month&#x27;s, so those ratios read high and a state other than OK there may not hold.',
    );
  });
});
