import { describe, expect, it } from 'vitest';
import { CARD_NETWORKS, DISPUTE_STATUSES } from '../../../shared/domain/dispute';
import { MARKETPLACES, ORDER_STATUSES, orderKey, type Order } from '../../../shared/domain/order';
import { DAY, NOW, demo10k } from './fixture';

const SOURCE = { amazon: 'amazon.de', zalando: 'zalando', shop: 'shopify' } as const;
const EXTERNAL_ID = {
  amazon: /^30[2-6]-\d{7}-\d{7}$/,
  zalando: /^101[01]\d{10}$/,
  shop: /^#\d{5,}$/,
} as const;

describe('demo data: referential integrity', () => {
  const demo = demo10k();
  const shopOrders = demo.orders.filter((o) => o.marketplace === 'shop');
  const byRef = new Map(shopOrders.map((o) => [o.externalId, o]));
  const paymentsById = new Map(demo.payments.map((p) => [p.id, p]));

  it('has unique order keys, payment ids and dispute ids', () => {
    expect(new Set(demo.orders.map(orderKey)).size).toBe(demo.orders.length);
    expect(paymentsById.size).toBe(demo.payments.length);
    expect(new Set(demo.disputes.map((d) => d.id)).size).toBe(demo.disputes.length);
  });

  it('gives every shop order exactly one Stripe payment that carries its facts', () => {
    expect(demo.payments).toHaveLength(shopOrders.length);
    for (const p of demo.payments) {
      const o = byRef.get(p.orderRef) as Order;
      expect(o, p.orderRef).toBeDefined();
      expect(p.id).toMatch(/^ch_[A-Za-z0-9]{24}$/);
      expect(p.provider).toBe('stripe');
      expect([p.amountMinor, p.currency, p.email, p.ip]).toEqual([o.totalMinor, o.currency, o.email, o.ip]);
      expect([p.cardBin, p.cardLast4, p.cardExpiry, p.cardFingerprint, p.cardBrand]).toEqual([
        o.cardBin,
        o.cardLast4,
        o.cardExpiry,
        o.cardFingerprint,
        o.cardBrand,
      ]);
      expect(p.createdAt).toBeGreaterThanOrEqual(o.createdAt);
      expect(p.createdAt - o.createdAt).toBeLessThanOrEqual(60_000);
      expect(p.createdAt).toBeLessThanOrEqual(NOW);
      expect(p.status === 'failed' || p.status === 'refunded' ? ['cancelled', 'refunded'] : ['open', 'paid', 'fulfilled']).toContain(o.status);
    }
  });

  it('ties every dispute to a payment and to the order key of that payment', () => {
    for (const d of demo.disputes) {
      const p = paymentsById.get(d.paymentId);
      expect(p, d.id).toBeDefined();
      const o = byRef.get(p!.orderRef) as Order;
      expect(d.orderKey).toBe(orderKey(o));
      expect(d.network).toBe(p!.cardBrand);
      expect(CARD_NETWORKS).toContain(d.network);
      expect(DISPUTE_STATUSES).toContain(d.status);
      expect(d.currency).toBe(p!.currency);
      expect(d.amountMinor).toBeGreaterThan(0);
      expect(d.amountMinor).toBeLessThanOrEqual(p!.amountMinor);
      expect(p!.status).not.toBe('failed');
      expect(d.openedAt - o.createdAt).toBeGreaterThanOrEqual(5 * DAY);
      expect(d.openedAt).toBeLessThanOrEqual(NOW);
      if (d.dueAt !== 0) {
        expect(d.dueAt - d.openedAt).toBeGreaterThanOrEqual(7 * DAY);
        expect(d.dueAt - d.openedAt).toBeLessThanOrEqual(21 * DAY + 60_000);
      }
    }
  });

  it('writes each channel the way it exports', () => {
    for (const o of demo.orders) {
      expect(MARKETPLACES).toContain(o.marketplace);
      if (o.marketplace === 'other') throw new Error('the demo writes no other marketplace');
      expect(ORDER_STATUSES).toContain(o.status);
      expect(o.source).toBe(SOURCE[o.marketplace]);
      expect(o.externalId).toMatch(EXTERNAL_ID[o.marketplace]);
      if (o.marketplace !== 'shop') {
        expect([o.ip, o.deviceId, o.cardBin, o.cardLast4, o.cardExpiry, o.cardFingerprint, o.cardBrand].join('')).toBe('');
        expect(o.paymentMethod).not.toBe('card');
        expect(o.currency).toBe('EUR');
      } else {
        expect(o.paymentMethod).toBe('card');
        expect(o.ip).not.toBe('');
        expect(o.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(o.customerId).toMatch(/^[67]\d{12}$/);
      }
      if (o.marketplace === 'zalando') expect(o.customerId).toMatch(/^\d{9}$/);
      if (o.marketplace === 'amazon' && o.customerId !== '') expect(o.customerId).toMatch(/^A[1-3][A-Z0-9]{12}$/);
    }
  });

  it('numbers Shopify orders upwards in time', () => {
    const numbers = shopOrders.map((o) => Number(o.externalId.slice(1)));
    expect(numbers[0]).toBe(10001);
    numbers.forEach((n, i) => expect(n).toBe(10001 + i));
  });
});
