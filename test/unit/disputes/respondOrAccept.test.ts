// Respond or accept: the family's win rate × the amount − the cost of responding, worked out by hand.
import { describe, expect, it } from 'vitest';
import { urgencyOf } from '../../../shared/disputes/deadlines';
import type { Dispute } from '../../../shared/domain/dispute';
import {
  awaitsAnswer,
  cleanResponseCost,
  costIn,
  defaultResponseCost,
  expectedText,
  familyRecord,
  respondOrAccept,
  responseHint,
  type ResponseCostSettings,
} from '../../../shared/disputes/respondOrAccept';

const EUR_RATES = { currency: 'EUR', rates: { EUR: 1, GBP: 1.14 } };
const cost = (costMinor: number, extra: ResponseCostSettings['costs'] = []): ResponseCostSettings => ({
  costs: [{ currency: 'EUR', costMinor }, ...extra],
  defaultWinRate: 0.3,
  source: 'test',
  savedAt: null,
});
const fraud = { network: 'visa', reasonCode: '10.4', amountMinor: 12_000, currency: 'EUR' } as const;
// 8 won of 21 decided: 38.095… %, shown and used as 38 %.
const record = { fraud: { won: 8, lost: 13 }, consumer: { won: 2, lost: 2 } };

describe('respond or accept', () => {
  it('responds when 38 % × €120.00 is above the €25.00 cost, with the sum in words', () => {
    const h = respondOrAccept(fraud, record, cost(2500), EUR_RATES);
    expect(h).toMatchObject({ verdict: 'respond', winRatePct: 38, basis: 'family', decided: 21, costMinor: 2500, expectedMinor: 2060 });
    expect(h.text).toBe('win rate 38 % (fraud, 21 decided) × €120.00 − €25.00 cost = €20.60: respond');
  });

  it('accepts when the cost is above the expected win (38 % × €120.00 = €45.60 < €50.00)', () => {
    const h = respondOrAccept(fraud, record, cost(5000), EUR_RATES);
    expect(h).toMatchObject({ verdict: 'accept', expectedMinor: -440 });
    expect(h.text).toMatch(/ − €50\.00 cost = .*4\.40: accept$/);
  });

  it('converts the cost into a currency with other decimals in its minor units: €25.00 is ¥4,000 at 160 yen to the euro', () => {
    const yen = { network: 'visa', reasonCode: '10.4', amountMinor: 30_000, currency: 'JPY' } as const;
    const h = respondOrAccept(yen, record, cost(2500), { currency: 'EUR', rates: { EUR: 1, JPY: 0.00625 } });
    // 38 % × ¥30,000 = ¥11,400, less ¥4,000 (not ¥40, which 2500 cents at the rate unit for unit would give).
    expect(h).toMatchObject({ verdict: 'respond', costMinor: 4000, expectedMinor: 7400 });
    expect(costIn('KWD', cost(2500), { currency: 'EUR', rates: { EUR: 1, KWD: 3 } })).toMatchObject({ costMinor: 8333 });
  });

  it('accepts at exactly zero: only a positive expected value is worth the work', () => {
    expect(respondOrAccept({ ...fraud, amountMinor: 10_000 }, record, cost(3800), EUR_RATES)).toMatchObject({ verdict: 'accept', expectedMinor: 0 });
  });

  it('falls back to the default win rate under 5 decided in the family, and says so', () => {
    // Consumer: 4 decided, so 30 %: 30 % × €100.00 − €25.00 = €5.00.
    const h = respondOrAccept({ ...fraud, reasonCode: '13.1', amountMinor: 10_000 }, record, cost(2500), EUR_RATES);
    expect(h).toMatchObject({ verdict: 'respond', basis: 'default', winRatePct: 30, decided: 4, expectedMinor: 500 });
    expect(h.text).toBe('win rate 30 % (default: 4 decided in consumer dispute, under 5) × €100.00 − €25.00 cost = €5.00: respond');
  });

  it('takes the cost in the dispute currency: as listed, else converted at the report rates', () => {
    const gbp = { ...fraud, currency: 'GBP', amountMinor: 10_000 };
    // £ not listed: €25.00 at 1.14 € per £ = £21.93; 38 % × £100.00 − £21.93 = £16.07.
    const converted = respondOrAccept(gbp, record, cost(2500), EUR_RATES);
    expect(converted).toMatchObject({ verdict: 'respond', costMinor: 2193, expectedMinor: 1607 });
    expect(converted.text).toContain('− £21.93 cost (€25.00 at the report rates) = £16.07');
    expect(respondOrAccept(gbp, record, cost(2500, [{ currency: 'GBP', costMinor: 4000 }]), EUR_RATES)).toMatchObject({
      verdict: 'accept',
      costMinor: 4000,
      expectedMinor: -200,
    });
    expect(respondOrAccept({ ...gbp, currency: 'USD' }, record, cost(2500), EUR_RATES)).toMatchObject({ verdict: 'unknown' });
  });

  it('reads each family record from the decided disputes only', () => {
    const d = (status: Dispute['status'], reasonCode = '10.4') => ({ network: 'visa' as const, reasonCode, status });
    expect(familyRecord([d('won'), d('lost'), d('lost'), d('submitted'), d('accepted'), d('won', '13.1')])).toEqual({
      fraud: { won: 1, lost: 2 },
      consumer: { won: 1, lost: 0 },
    });
  });

  it('says too late once the deadline has passed, instead of weighing a response nobody can send', () => {
    const due = Date.UTC(2026, 10, 29, 12);
    const d = { ...fraud, dueAt: due };
    expect(responseHint(d, due - 1, record, cost(2500), EUR_RATES)).toEqual(respondOrAccept(d, record, cost(2500), EUR_RATES));
    // At the due time itself a response is still in time (the KPIs count one submitted then as in time; the list does not say overdue).
    expect(responseHint(d, due, record, cost(2500), EUR_RATES)).toEqual(respondOrAccept(d, record, cost(2500), EUR_RATES));
    expect(urgencyOf({ status: 'new', dueAt: due }, due)).not.toBe('overdue');
    expect(responseHint(d, due + 1, record, cost(2500), EUR_RATES)).toEqual({
      verdict: 'late',
      text: 'the deadline to respond passed on 2026-11-29 12:00 UTC: a response can no longer be sent in time: accept it, or record what the network decided (won or lost)',
    });
  });

  it('hints only for disputes still to be answered', () => {
    expect(awaitsAnswer({ status: 'new', dueAt: 1 })).toBe(true);
    expect(awaitsAnswer({ status: 'gathering_evidence', dueAt: 1 })).toBe(true);
    expect(awaitsAnswer({ status: 'new', dueAt: 0 })).toBe(false);
    expect(awaitsAnswer({ status: 'submitted', dueAt: 1 })).toBe(false);
    expect(awaitsAnswer({ status: 'accepted', dueAt: 1 })).toBe(false);
  });
});

describe('the cost of responding as the analyst enters it', () => {
  it('defaults to 25 in the main currency', () => {
    expect(defaultResponseCost('gbp').costs).toEqual([{ currency: 'GBP', costMinor: 2500 }]);
  });

  it('cleans what is right and names what is wrong', () => {
    const at = Date.UTC(2026, 10, 3);
    expect(cleanResponseCost({ ...cost(2500), costs: [{ currency: ' usd', costMinor: 2000 }], source: ' team estimate ' }, at)).toEqual({
      costs: [{ currency: 'USD', costMinor: 2000 }],
      defaultWinRate: 0.3,
      source: 'team estimate',
      savedAt: at,
    });
    expect(() => cleanResponseCost({ ...cost(2500), costs: [] }, at)).toThrow(/at least one currency/);
    expect(() => cleanResponseCost(cost(-1), at)).toThrow(/Cost 1: the cost is an amount of 0 or more/);
    expect(() => cleanResponseCost(cost(2500, [{ currency: 'eur', costMinor: 1 }]), at)).toThrow(/Cost 2: EUR is listed twice/);
    expect(() => cleanResponseCost({ ...cost(2500), costs: [{ currency: 'EURO', costMinor: 1 }] }, at)).toThrow(/three-letter code/);
    expect(() => cleanResponseCost({ ...cost(2500), defaultWinRate: 1.5 }, at)).toThrow(/between 0 and 100 %/);
    expect(() => cleanResponseCost({ ...cost(2500), source: ' ' }, at)).toThrow(/where the cost comes from/);
  });
});

describe('the hint in the disputes list', () => {
  it('says the figure is what responding is expected to bring, not what accepting costs', () => {
    // Win rate 30 % × €24.94 − €25.00 cost = −€17.52: accept.
    expect(expectedText({ expectedMinor: -1752 }, 'EUR')).toBe('respond: -€17.52');
    expect(expectedText({ expectedMinor: 2060 }, 'EUR')).toBe('respond: €20.60');
  });
});
