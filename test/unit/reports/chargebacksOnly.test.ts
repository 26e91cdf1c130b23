// What the fraud trend and the win rates count as chargebacks, and values across currencies.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeKpis } from '../../../shared/reports/disputeKpis';
import { disputeWins } from '../../../shared/reports/disputeWins';
import { fraudTrend } from '../../../shared/reports/fraudTrend';
import { confirmedFraud, fraudRowsOf, trendChargebacks, trendOrdersOf } from '../../../shared/reports/sources';
import { order } from '../normalize/orderFixture';

const MAY = Date.UTC(2026, 4, 1);
const JUNE = Date.UTC(2026, 5, 1);
const d = (id: string, fields: Partial<Dispute>): Dispute => ({
  id,
  provider: 'stripe',
  paymentId: `ch_${id}`,
  orderKey: `shopify:#${id}`,
  network: 'visa',
  reasonCode: 'fraudulent',
  amountMinor: 5000,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 4, 10, 8),
  dueAt: Date.UTC(2026, 4, 24, 23),
  status: 'new',
  ...fields,
});

// README, Disputes: "Inquiries and fraud reports are not chargebacks … Neither is counted in the win rate";
// Visa/Stripe: an inquiry (retrieval request, Stripe `warning_*`) takes no money back (Stripe docs, "Inquiries").
const INQUIRY_OPEN = d('1001', { stage: 'inquiry', status: 'new' });
const INQUIRY_CLOSED = d('1002', { stage: 'inquiry', status: 'won', reasonCode: 'product_not_received' });
const CHARGEBACK = d('1003', { status: 'lost' });

/** May's fraud trend over one order per number, each placed on 2 May, with `disputes` on them. */
function mayTrend(disputes: Dispute[], numbers: string[]) {
  const orders = numbers.map((n) => order({ externalId: `#${n}`, createdAt: Date.UTC(2026, 4, 2, 9), totalMinor: 5000 }));
  const { columns, rowOf } = trendOrdersOf(orders, 'marketplace', confirmedFraud(disputes, [], []));
  const params = { period: 'month', from: MAY, to: JUNE, dimension: 'marketplace', currency: 'EUR', rates: { EUR: 1 } } as const;
  return fraudTrend(
    columns,
    trendChargebacks(disputes, (k) => rowOf.get(k)),
    params,
  );
}

describe('review: the fraud trend counts chargebacks, not inquiries', () => {
  it('May has 1 chargeback and 1 confirmed-fraud order, not 3 and 2', () => {
    const report = mayTrend([INQUIRY_OPEN, INQUIRY_CLOSED, CHARGEBACK], ['1001', '1002', '1003']);
    expect({ chargebacks: report.total.chargebacks, fraudOrders: report.total.fraudOrders }).toEqual({ chargebacks: 1, fraudOrders: 1 });
  });
});

describe('an issuer fraud report (TC40, SAFE) is confirmed fraud, but not a chargeback', () => {
  it('May: 1 chargeback, 2 confirmed-fraud orders, 1 of them by a fraud report', () => {
    // Adyen's NotificationOfFraud: Visa 10.4 reported by the issuer, no money taken back.
    const REPORT = d('1004', { provider: 'psp', reasonCode: '10.4', stage: 'fraud_report' });
    const report = mayTrend([INQUIRY_OPEN, CHARGEBACK, REPORT], ['1001', '1003', '1004']);
    expect(report.total.chargebacks).toBe(1);
    expect(report.total.fraudOrders).toBe(2);
    expect(report.total.fraudBy).toEqual({ chargeback: 1, cancelled: 0, ring: 0, outcome: 0, fraudReport: 1 });
  });
});

describe('a cancel in review on an order known legitimate is not confirmed fraud', () => {
  it('the trend counts the cancelled order with no known outcome, not the one a labelled file calls legitimate', () => {
    const decisions = ['2001', '2002'].map((n, i) => ({
      orderKey: `shopify:#${n}`,
      decision: 'cancel' as const,
      analyst: 'K. Weber',
      at: MAY + i,
      seq: i + 1,
      undoes: null,
    }));
    const orders = [order({ externalId: '#2001', createdAt: MAY + 1 }), order({ externalId: '#2002', createdAt: MAY + 1, knownOutcome: 'legit' })];
    const fraud = confirmedFraud([], decisions, []);
    const { columns } = trendOrdersOf(orders, 'marketplace', fraud);
    expect([...columns.fraud.entries()]).toEqual([[0, 2]]);
    // The cache's columns: the same rows.
    const rows = fraudRowsOf(
      fraud,
      new Map([
        ['shopify:#2001', 0],
        ['shopify:#2002', 1],
      ]),
      { values: ['', 'fraud', 'legit'], codes: [0, 2] },
      [1, 1],
    );
    expect([...rows.entries()]).toEqual([[0, 2]]);
  });
});

describe('review: win rates by channel leave inquiries out', () => {
  it('a Stripe inquiry that closed (warning_closed, read as won) is not a win', () => {
    const wins = disputeWins(
      [INQUIRY_CLOSED, CHARGEBACK],
      MAY,
      JUNE,
      new Map([
        ['shopify:#1002', 'Shop'],
        ['shopify:#1003', 'Shop'],
      ]),
      null,
    );
    expect(wins.byChannel).toEqual([{ channel: 'Shop', won: 0, lost: 1, winRate: 0 }]);
  });
});

describe('review: a win rate by value is not summed across currencies', () => {
  // README, Reports: "a currency without a rate is counted but left out of values"; disputeKpis itself says
  // values are summed per currency only when one currency is present.
  it('won €200.00 and lost 50,000 Ft (no HUF rate) give no by-value rate, not 0.4 %', () => {
    const k = disputeKpis(
      [d('2001', { status: 'won', amountMinor: 20_000 }), d('2002', { status: 'lost', amountMinor: 5_000_000, currency: 'HUF' })],
      MAY,
      JUNE,
    );
    expect(k.currency).toBeNull();
    expect(k.all.winRateByValue).toBeNull();
  });
});
