// Dispute KPIs on seven hand-made disputes; every figure worked out by hand.
import { describe, expect, it } from 'vitest';
import { reportDispute } from '../../support/disputes';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeKpis } from '../../../shared/reports/disputeKpis';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);
const d = (id: string, fields: Partial<Dispute>): Dispute => reportDispute(T, id, fields);

describe('dispute KPIs', () => {
  const list = [
    d('a', { status: 'won', amountMinor: 5000 }), // fraud, visa; won with no logged submission: answer time unknown
    d('b', { status: 'lost', amountMinor: 1000 }), // fraud, visa
    d('c', { status: 'lost', amountMinor: 3000, network: 'mastercard', reasonCode: '4853' }), // consumer
    d('d', { status: 'accepted', amountMinor: 2000, reasonCode: '13.1' }), // consumer, imported accepted: by choice or lapse unknown
    d('e', { status: 'submitted', amountMinor: 1000, reasonCode: '13.1' }), // submitted late (see below)
    d('f', { status: 'new', dueAt: 0, amountMinor: 500 }), // no response allowed
    d('g', { status: 'won', openedAt: T + 40 * DAY }), // outside the period
  ];
  const k = disputeKpis(list, T, T + 30 * DAY, new Map([['e', T + 21 * DAY]]));

  it('counts the period: opened, value, answered in time, outcomes and win rates', () => {
    expect(k.all).toEqual({
      opened: 6,
      openedValueMinor: 12_500,
      respondable: 1, // e submitted a day after its due date; f allows no response
      respondedInTime: 0,
      acceptedInTime: 0,
      answerTimeUnknown: 3, // a, b and c were imported decided, with no submission logged
      acceptedTimeUnknown: 1, // d was imported accepted with no accept logged
      won: 1,
      lost: 2,
      accepted: 1,
      winRate: 1 / 3,
      winRateByValue: 5000 / 9000,
    });
  });

  it('splits by reason family and network', () => {
    expect(k.byFamily.fraud).toMatchObject({ opened: 3, won: 1, lost: 1, winRate: 0.5 });
    expect(k.byFamily.consumer).toMatchObject({ opened: 3, won: 0, lost: 1, accepted: 1, winRate: 0 });
    expect(k.byNetwork.mastercard).toMatchObject({ opened: 1, lost: 1, winRateByValue: 0 });
    expect(k.currency).toBe('EUR');
  });
});

describe('answered before due, as of now', () => {
  it('leaves out disputes not yet due and unanswered; counts imported outcomes apart', async () => {
    const { disputeKpis } = await import('../../../shared/reports/disputeKpis');
    const day = 86_400_000;
    const base = {
      provider: 'stripe',
      paymentId: 'ch',
      orderKey: 'shopify:#1',
      network: 'visa' as const,
      reasonCode: '10.4',
      amountMinor: 1000,
      currency: 'EUR',
      openedAt: 10 * day,
    };
    const list = [
      { ...base, id: 'late', dueAt: 15 * day, status: 'new' as const }, // due before now, unanswered: not in time
      { ...base, id: 'pending', dueAt: 25 * day, status: 'new' as const }, // not due yet: left out
      { ...base, id: 'logged', dueAt: 18 * day, status: 'submitted' as const }, // submitted on day 17 (logged): in time
      { ...base, id: 'imported', dueAt: 18 * day, status: 'won' as const }, // won, no log: answer time unknown
      { ...base, id: 'slow', dueAt: 12 * day, status: 'submitted' as const }, // submitted on day 13: late
      { ...base, id: 'due-now', dueAt: 20 * day, status: 'new' as const }, // due this instant: still answerable, left out
    ];
    const k = disputeKpis(
      list,
      0,
      30 * day,
      new Map([
        ['logged', 17 * day],
        ['slow', 13 * day],
      ]),
      20 * day,
    );
    expect(k.all.respondable).toBe(3);
    expect(k.all.respondedInTime).toBe(1);
    expect(k.all.answerTimeUnknown).toBe(1);
  });

  it('an outcome imported without a logged submission is no answer in time: when (or whether) it was answered is unknown, and said so', () => {
    // A Stripe dispute the seller closes without evidence, or lets lapse, is lost ("Closing the
    // dispute ... indicates that you do not have any evidence to submit ... acknowledging it as
    // lost", Stripe API, Dispute close); evidence can be submitted after the due date
    // (evidence_details.past_due). An export's won, lost or submitted says nothing of when.
    const day = 86_400_000;
    const base = {
      provider: 'stripe',
      paymentId: 'ch',
      orderKey: '',
      network: 'visa' as const,
      reasonCode: '10.4',
      amountMinor: 1000,
      currency: 'EUR',
      openedAt: day,
    };
    const list = [
      { ...base, id: 'closed', dueAt: 5 * day, status: 'lost' as const }, // closed or lapsed: no answer known
      { ...base, id: 'won', dueAt: 5 * day, status: 'won' as const },
      { ...base, id: 'under_review', dueAt: 5 * day, status: 'submitted' as const },
      { ...base, id: 'logged', dueAt: 5 * day, status: 'lost' as const }, // submitted on day 4 (logged): in time
    ];
    const k = disputeKpis(list, 0, 30 * day, new Map([['logged', 4 * day]]), 20 * day);
    expect(k.all).toMatchObject({ respondable: 1, respondedInTime: 1, answerTimeUnknown: 3 });
  });
});

describe('disputes by network in the KPI report', () => {
  it("counts a dispute whose file names no card network under its order's card brand, as the programmes do", async () => {
    const { kpiReport } = await import('../../../shared/reports/kpi');
    // Three fraud chargebacks in June: a Visa one won, a Stripe-export one (no Card Brand) on a Visa
    // order lost, and a Stripe-export one whose order is not in the cache, won. By network: Visa
    // 2 opened, 1 won, 1 lost (50 %); "Stripe" only the one no one can place.
    const list = [
      d('v', { status: 'won', orderKey: 'shopify:#1' }),
      d('s', { status: 'lost', network: 'stripe', reasonCode: 'fraudulent', orderKey: 'shopify:#2' }),
      d('u', { status: 'won', network: 'stripe', reasonCode: 'fraudulent', orderKey: 'shopify:#9' }),
    ];
    const k = kpiReport({
      from: T,
      to: T + 30 * DAY,
      slaHours: 24,
      decisions: [],
      placedAt: new Map(),
      ordersPlaced: 0,
      disputes: list,
      submittedAt: new Map(),
      programmes: [],
      thresholds: [],
      brandOf: new Map([
        ['shopify:#1', 'visa'],
        ['shopify:#2', 'visa'],
      ]),
    }).disputes;
    expect(k.byNetwork.visa).toMatchObject({ opened: 2, won: 1, lost: 1, winRate: 0.5 });
    expect(k.byNetwork.stripe).toMatchObject({ opened: 1, won: 1, lost: 0 });
    // The reason family still reads Stripe's word: all three are fraud.
    expect(k.byFamily.fraud).toMatchObject({ opened: 3, won: 2, lost: 1 });
  });
});

describe('win rate by value', () => {
  it('is computed when the decided disputes share a currency, whatever currency an open one is in', () => {
    // Won 50.00 EUR, lost 10.00 EUR: 50 / 60 by value. The open JPY dispute (no rate to convert it)
    // is in neither sum, so it does not stop the figure; the opened value is then several currencies.
    const k = disputeKpis(
      [
        d('w', { status: 'won', amountMinor: 5000 }),
        d('l', { status: 'lost', amountMinor: 1000 }),
        d('y', { status: 'new', amountMinor: 700, currency: 'JPY' }),
      ],
      T,
      T + 30 * DAY,
    );
    expect(k.all.winRateByValue).toBeCloseTo(5 / 6, 12);
    expect(k.currency).toBeNull();
    // Decided in two currencies: no rate by value.
    const mixed = disputeKpis([d('w', { status: 'won', amountMinor: 5000 }), d('l', { status: 'lost', currency: 'USD' })], T, T + 30 * DAY);
    expect(mixed.all.winRateByValue).toBeNull();
  });
});

describe('answered before due, for chargebacks that began as inquiries', () => {
  it("does not take the inquiry's answer for the chargeback's", () => {
    // Inquiries opened on day 1, answered (submitted) on day 2, raised as chargebacks on day 5, due day 20.
    // esc: nothing submitted since: by day 25 due and unanswered, though its workflow still says submitted.
    // ans: submitted again on day 6 for the chargeback: in time. wait: due day 30, not yet due on day 25: left out.
    const esc = { openedAt: T + DAY, chargebackAt: T + 5 * DAY, status: 'submitted' as const, reasonCode: '13.1' };
    const k = disputeKpis(
      [d('esc', esc), d('ans', esc), d('wait', { ...esc, dueAt: T + 30 * DAY })],
      T,
      T + 30 * DAY,
      new Map([
        ['esc', T + 2 * DAY],
        ['ans', T + 6 * DAY],
        ['wait', T + 2 * DAY],
      ]),
      T + 25 * DAY,
    );
    expect(k.all).toMatchObject({ opened: 3, respondable: 2, respondedInTime: 1, answerTimeUnknown: 0 });
  });
});

describe('answered before due, for a case open again after a logged answer', () => {
  it('an answer logged before the case opened again (a new stage the Disputes screen shows as needing a response) is no answer to it', () => {
    // Both had an answer logged on day 2. open: the workflow shows it open again (new, or gathering
    // evidence), due day 20: by day 25 due and unanswered. done: still submitted: answered in time.
    const k = disputeKpis(
      [d('open', { status: 'new' }), d('gathering', { status: 'gathering_evidence' }), d('done', { status: 'submitted' })],
      T,
      T + 30 * DAY,
      new Map([
        ['open', T + 2 * DAY],
        ['gathering', T + 2 * DAY],
        ['done', T + 2 * DAY],
      ]),
      T + 25 * DAY,
    );
    expect(k.all).toMatchObject({ opened: 3, respondable: 3, respondedInTime: 1, answerTimeUnknown: 0 });
  });
});

describe('dispute values converted into the reporting currency', () => {
  it('the KPI report says at which rates, naming only the currencies its period converted', async () => {
    const { kpiReport } = await import('../../../shared/reports/kpi');
    const { disputesInCurrency, ratesApplied, valuesInWords } = await import('../../../shared/reports/sources');
    const rates = { EUR: 1, PLN: 0.235, USD: 0.87 };
    // A PLN 1,418.99 chargeback in the period, a USD one after it, a JPY one with no rate.
    const raw = [
      d('e', { amountMinor: 10_000 }),
      d('p', { amountMinor: 141_899, currency: 'PLN' }),
      d('u', { amountMinor: 5_000, currency: 'USD', openedAt: T + 40 * DAY }),
    ];
    const input = {
      from: T,
      to: T + 30 * DAY,
      slaHours: 24,
      decisions: [],
      placedAt: new Map(),
      ordersPlaced: 0,
      disputes: disputesInCurrency(raw, 'EUR', rates),
      submittedAt: new Map(),
      programmes: [],
      thresholds: [],
    };
    const applied = ratesApplied(raw, 'EUR', rates, T, T + 30 * DAY);
    expect(applied).toEqual({ PLN: 0.235 });
    const k = kpiReport({ ...input, convertedAt: { currency: 'EUR', rates: applied, asOf: '2026-11-02' } });
    // 100.00 + 1,418.99 × 0.235 = 100.00 + 333.46
    expect(k.disputes.all.openedValueMinor).toBe(10_000 + 33_346);
    expect(k.convertedAt).toEqual({ currency: 'EUR', rates: { PLN: 0.235 }, asOf: '2026-11-02' });
    expect(valuesInWords('EUR', k.convertedAt!.rates, k.convertedAt!.asOf)).toBe('values in EUR (other currencies at PLN 0.235, rates of 2026-11-02)');
    // Only the currencies of the period: its USD chargeback alone after it; none converted, no such line.
    const later = ratesApplied(raw, 'EUR', rates, T + 35 * DAY, T + 60 * DAY);
    expect(later).toEqual({ USD: 0.87 });
    expect(ratesApplied([raw[0]!], 'EUR', rates, T, T + 30 * DAY)).toEqual({});
    expect(kpiReport({ ...input, convertedAt: { currency: 'EUR', rates: {}, asOf: '2026-11-02' } }).convertedAt).toBeUndefined();
  });
});
