// Signals that fire on normal customers or mislabel what they measured.
import { describe, expect, it } from 'vitest';
import { buildKeyIndex } from '../../../shared/linking';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import { DEFAULT_MATRIX, scoreOrder } from '../../../shared/scoring/matrix';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';

const H = 3_600_000;
const DAY = 24 * H;
const T = Date.UTC(2026, 10, 16, 9, 0);

const signalsOf = (orders: Order[], positions: number[], disputes: Dispute[] = []) =>
  computeSignals({ orders, live: new Uint8Array(orders.length).fill(1), index: buildKeyIndex(orders), disputes, ringOf: new Map() }, positions);

describe('devices per card', () => {
  it('counts one laptop once, not once for its device id and again for each checkout session', () => {
    // A new customer orders twice on the same evening from her one laptop with her one card (she
    // forgot an item); Stripe metadata carries the device id and, per checkout, a session id.
    const anna = {
      customerId: 'cus_8812',
      email: 'anna.berg@web.de',
      shipName: 'Anna Berg',
      shipStreet: 'Lindenstraße 12',
      shipPostcode: '50674',
      shipCity: 'Köln',
      billCountry: 'DE',
      cardFingerprint: 'fp_Zk81Qw2LmN0p',
      cardBin: '476173',
      cardLast4: '4417',
      cardExpiry: '08/28',
      deviceId: 'dev-2b9e41c0-77aa',
    };
    const orders = [
      order({ ...anna, externalId: '#5101', sessionId: 'cs_live_a1B2c3D4e5', createdAt: T, totalMinor: 8990 }),
      order({ ...anna, externalId: '#5102', sessionId: 'cs_live_f6G7h8I9j0', createdAt: T + 40 * 60_000, totalMinor: 1990 }),
    ];
    const [first] = signalsOf(orders, [0]);
    expect(first!.devicesPerCard).toBe(1);
    // One card on one device must not read "+25 card used on 3 devices in 24 h" and send her to review.
    expect(scoreOrder(first!, DEFAULT_MATRIX).outcome).toBe('release');
  });
});

describe('parcel locker value', () => {
  it('weighs a zloty order in euros, as the signal says', () => {
    // A Zalando PL customer's 299.99 zł (about 70 €) order to an InPost Paczkomat.
    const orders = [
      order({
        source: 'zalando',
        marketplace: 'zalando',
        externalId: '10300455512',
        customerId: 'ZPL-771203',
        email: 'k.nowak@wp.pl',
        shipName: 'Katarzyna Nowak',
        shipStreet: 'Paczkomat KRA01M',
        shipPostcode: '30-001',
        shipCity: 'Kraków',
        shipCountry: 'PL',
        billCountry: 'PL',
        currency: 'PLN',
        totalMinor: 29999,
        createdAt: T,
      }),
    ];
    const [s] = signalsOf(orders, [0]);
    expect(s!.pickupHighValue).toBeDefined();
    expect(s!.pickupHighValue!).toBeLessThan(100);
    expect(scoreOrder(s!, DEFAULT_MATRIX).fired.map((f) => f.ruleId)).not.toContain('pickup-200');
  });
});

describe('earlier chargebacks', () => {
  it('does not count an inquiry (retrieval request) as a chargeback', () => {
    // A repeat customer: her order in August drew a Stripe inquiry (she did not recognise the
    // descriptor) that never became a chargeback. Her November order shares card and e-mail.
    const lena = { customerId: 'cus_2291', email: 'lena.voss@gmx.de', cardFingerprint: 'fp_Hq71Ls0PzX3c', billCountry: 'DE' };
    const orders = [
      order({ ...lena, externalId: '#4001', createdAt: T - 90 * DAY, totalMinor: 5990 }),
      order({ ...lena, externalId: '#5230', createdAt: T, totalMinor: 6490 }),
    ];
    const inquiry: Dispute = {
      id: 'dp_1Q2w3E4r5T',
      provider: 'stripe',
      paymentId: 'ch_3Nx81',
      orderKey: 'shopify:#4001',
      network: 'visa',
      reasonCode: 'fraudulent',
      amountMinor: 5990,
      currency: 'EUR',
      openedAt: T - 80 * DAY,
      dueAt: 0,
      status: 'won',
      stage: 'inquiry',
    };
    const [s] = signalsOf(orders, [1], [inquiry]);
    expect(s!.priorChargebacks).toBeUndefined();
    expect(scoreOrder(s!, DEFAULT_MATRIX).outcome).toBe('release');
  });
});
