import { describe, expect, it } from 'vitest';
import { buildKeyIndex } from '../../../shared/linking';
import { DEFAULT_MATRIX, matrixProblem, rulesNewInDefault, scoreOrder, whatIf, type Matrix } from '../../../shared/scoring/matrix';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';

const H = 3_600_000;

describe('scoring matrix', () => {
  it('adds the points of the rules that fired, caps at 100, and maps the score to an outcome', () => {
    const s = scoreOrder({ devicesPerCard: 4, countryMismatch: 1, ringSize: 2, newCustomer: 0 }, DEFAULT_MATRIX);
    expect(s.fired.map((f) => f.text)).toEqual(['+25 card used on 4 devices in 24 h', '+15 billing and shipping countries differ']);
    expect(s).toMatchObject({ score: 40, outcome: 'review', matrixVersion: 2 });
    expect(scoreOrder({ ringFraudDisputes: 2, priorChargebacks: 1, ringSize: 5 }, DEFAULT_MATRIX)).toMatchObject({ score: 100, outcome: 'hold' });
    expect(scoreOrder({}, DEFAULT_MATRIX)).toMatchObject({ score: 0, outcome: 'release', fired: [] });
  });

  it('an edited matrix changes scores and says which version made them; bad edits are named', () => {
    const strict: Matrix = { ...DEFAULT_MATRIX, version: 2, rules: DEFAULT_MATRIX.rules.map((r) => (r.id === 'country-mismatch' ? { ...r, points: 60 } : r)) };
    expect(scoreOrder({ countryMismatch: 1 }, strict)).toMatchObject({ score: 60, outcome: 'hold', matrixVersion: 2 });
    expect(matrixProblem(DEFAULT_MATRIX)).toBeNull();
    expect(matrixProblem({ ...DEFAULT_MATRIX, thresholds: { review: 70, hold: 60 } })).toMatch(/Thresholds/);
    expect(matrixProblem({ ...DEFAULT_MATRIX, rules: [...DEFAULT_MATRIX.rules, DEFAULT_MATRIX.rules[0]!] })).toMatch(/Two rules are called ring-fraud/);
  });
});

describe('rules new in the built-in matrix', () => {
  it('names the built-in rules a saved matrix lacks by id, and none for the built-in one', () => {
    expect(rulesNewInDefault(DEFAULT_MATRIX)).toEqual([]);
    const beforeCardTesting = { ...DEFAULT_MATRIX, version: 4, rules: DEFAULT_MATRIX.rules.filter((r) => !r.id.startsWith('declined-cards')) };
    expect(rulesNewInDefault(beforeCardTesting).map((r) => r.id)).toEqual(['declined-cards-10', 'declined-cards-3']);
    // A rule the analyst tuned keeps its own numbers: only missing ids are offered.
    const tuned = { ...DEFAULT_MATRIX, rules: DEFAULT_MATRIX.rules.map((r) => (r.id === 'declined-cards-3' ? { ...r, points: 5 } : r)) };
    expect(rulesNewInDefault(tuned)).toEqual([]);
  });
});

describe('what if', () => {
  it('counts outcomes and a confusion matrix of flagged (hold or review) against known fraud', () => {
    const c = whatIf([
      { outcome: 'hold', fraud: true },
      { outcome: 'review', fraud: false },
      { outcome: 'release', fraud: true },
      { outcome: 'release', fraud: false },
      { outcome: 'release', fraud: false },
    ]);
    expect(c).toEqual({ hold: 1, review: 1, release: 3, truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 2 });
  });
});

describe('signals', () => {
  it('reads velocity, countries, disposable mail, lockers, customer history and earlier chargebacks off the key index', () => {
    const t = Date.UTC(2026, 10, 1);
    const orders = [
      order({
        externalId: '#1',
        customerId: 'a',
        email: 'a@example.org',
        cardFingerprint: 'fp_Q1w2E3r4T5y6U7i8',
        deviceId: 'dev-7f3a9c21-0001',
        createdAt: t,
        totalMinor: 2000,
      }),
      order({
        externalId: '#2',
        customerId: 'b',
        email: 'b@mailinator.com',
        cardFingerprint: 'fp_Q1w2E3r4T5y6U7i8',
        deviceId: 'dev-7f3a9c21-0002',
        createdAt: t + H,
        totalMinor: 30000,
        shipStreet: 'Packstation 105',
        shipPostcode: '10115',
        billCountry: 'FR',
        shipCountry: 'DE',
      }),
      order({
        externalId: '#3',
        customerId: 'c',
        email: 'c@example.org',
        cardFingerprint: 'fp_Q1w2E3r4T5y6U7i8',
        deviceId: 'dev-7f3a9c21-0003',
        createdAt: t + 2 * H,
        totalMinor: 2000,
      }),
      order({ externalId: '#4', customerId: 'a', email: 'a@example.org', createdAt: t + 5 * DAY(), totalMinor: 8000 }),
    ];
    const index = buildKeyIndex(orders);
    const disputes = [
      {
        id: 'dp',
        provider: 'stripe',
        paymentId: 'ch',
        orderKey: 'shopify:#1',
        network: 'visa' as const,
        reasonCode: '10.4',
        amountMinor: 2000,
        currency: 'EUR',
        openedAt: t,
        dueAt: 0,
        status: 'new' as const,
      },
    ];
    const [s2, s4] = computeSignals(
      { orders, live: new Uint8Array(4).fill(1), index, disputes, ringOf: new Map([[1, { size: 3, fraudDisputes: 1 }]]) },
      [1, 3],
    );
    expect(s2).toMatchObject({
      devicesPerCard: 3,
      cardsPerDevice: 1,
      countryMismatch: 1,
      disposableEmail: 1,
      pickupHighValue: 300,
      ringSize: 3,
      ringFraudDisputes: 1,
      priorChargebacks: 1,
      newCustomer: 1,
    });
    // Customer a's second order: 4x the average of the first, same e-mail as the disputed #1.
    expect(s4).toMatchObject({ valueVsHistory: 4, priorChargebacks: 1 });
    expect(s4!.newCustomer).toBeUndefined();
    const [flagged] = computeSignals(
      { orders: [order({ riskLevel: 'high' })], live: new Uint8Array([1]), index: buildKeyIndex([order()]), disputes: [], ringOf: new Map() },
      [0],
    );
    expect(flagged!.marketplaceRisk).toBe(2);
    // Three customers ship to one flat within a week; a fourth, a month later, does not count.
    const flat = { shipStreet: 'Königstraße 4', shipPostcode: '10545', shipCountry: 'DE' };
    const drop = [0, 1, 2, 30].map((d, n) =>
      order({ ...flat, externalId: `#d${n}`, customerId: `x${n}`, email: `x${n}@example.org`, shipName: `Person${n} Drop${n}`, createdAt: t + d * DAY() }),
    );
    const [a0] = computeSignals({ orders: drop, live: new Uint8Array(4).fill(1), index: buildKeyIndex(drop), disputes: [], ringOf: new Map() }, [0]);
    expect(a0!.accountsPerAddress).toBe(3);
    // A company's goods-in: twelve colleagues' accounts, one every six days over two months (a
    // steady hub). The order on day 30 has three accounts within a week of it, and counts none.
    const office = { shipStreet: 'Industriestraße 12', shipPostcode: '70565', shipCountry: 'DE' };
    const staff = Array.from({ length: 12 }, (_, n) =>
      order({
        ...office,
        externalId: `#o${n}`,
        customerId: `s${n}`,
        email: `s${n}@example.org`,
        shipName: `Staff${n} Member${n}`,
        createdAt: t + n * 6 * DAY(),
      }),
    );
    const [atHub] = computeSignals({ orders: staff, live: new Uint8Array(12).fill(1), index: buildKeyIndex(staff), disputes: [], ringOf: new Map() }, [5]);
    expect(atHub!.accountsPerAddress).toBe(0);
    // Tiers of one signal: a high flag is +30, not +30 and +10; a medium flag +10.
    expect(scoreOrder({ marketplaceRisk: 2 }, DEFAULT_MATRIX)).toMatchObject({ score: 30, fired: [{ text: '+30 the sales channel rates it high risk' }] });
    expect(scoreOrder({ marketplaceRisk: 1 }, DEFAULT_MATRIX)).toMatchObject({ score: 10, fired: [{ text: '+10 the sales channel rates it medium risk' }] });
    // Other signals still add up.
    expect(scoreOrder({ marketplaceRisk: 2, newCustomer: 1 }, DEFAULT_MATRIX).score).toBe(35);
  });
});

function DAY() {
  return 24 * H;
}
