import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { orderKey, type Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { generateDemoAll } from '../../../shared/demo';
import { DAY, NOW, demo10k, type Demo } from './fixture';

const HOUR = 3_600_000;

/**
 * Visa CE 3.0 from the raw export, written independently of the generator: a Visa 10.4 dispute
 * with at least two earlier, undisputed, settled payments on the same card, 120-365 days before
 * the disputed order and the dispute, each sharing two of IP / device / shipping address /
 * account with the disputed order, one of them IP or device.
 */
function qualifyingPriors(demo: Demo, dispute: Dispute): Order[] {
  const payments = new Map(demo.payments.map((p) => [p.id, p]));
  const paymentOf = new Map(demo.payments.map((p) => [p.orderRef, p]));
  const disputedKeys = new Set(demo.disputes.map((d) => d.orderKey));
  const order = demo.orders.find((o) => orderKey(o) === dispute.orderKey) as Order;
  const card = (payments.get(dispute.paymentId) as Payment).cardFingerprint;
  const same = (a: string, b: string) => a !== '' && a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
  return demo.orders.filter((p) => {
    if (p.marketplace !== 'shop' || p.cardFingerprint !== card || disputedKeys.has(orderKey(p))) return false;
    if ((paymentOf.get(p.externalId) as Payment).status === 'failed') return false;
    for (const ref of [order.createdAt, dispute.openedAt]) {
      const age = (ref - p.createdAt) / DAY;
      if (age < 120 || age > 365) return false;
    }
    const ip = same(p.ip, order.ip);
    const device = same(p.deviceId, order.deviceId);
    const address = same(`${p.shipStreet} ${p.shipPostcode}`, `${order.shipStreet} ${order.shipPostcode}`);
    const account = same(p.customerId, order.customerId);
    return (ip || device) && [ip, device, address, account].filter(Boolean).length >= 2;
  });
}

const isVisaFraud = (d: Dispute) => d.network === 'visa' && (d.reasonCode === '10.4' || d.reasonCode === 'fraudulent');

describe('demo disputes', () => {
  const demo = demo10k();

  it('disputes well under 2% of card payments, more than a handful', () => {
    const rate = demo.disputes.length / demo.payments.length;
    expect(demo.disputes.length).toBeGreaterThan(10);
    expect(rate).toBeGreaterThan(0.004);
    expect(rate).toBeLessThan(0.02);
  });

  it('writes Stripe reasons or network codes that fit the card network', () => {
    const stripe = ['fraudulent', 'product_not_received', 'product_unacceptable', 'credit_not_processed', 'duplicate', 'general'];
    const codes = { visa: /^1[0-3]\.\d(\.\d)?$/, mastercard: /^48\d\d$/, amex: /^[A-Z]\d\d$/ } as Record<string, RegExp>;
    for (const d of demo.disputes) {
      expect(d.provider).toBe('stripe');
      expect(d.id).toMatch(/^dp_[A-Za-z0-9]{24}$/);
      if (!stripe.includes(d.reasonCode)) expect(d.reasonCode, d.network).toMatch(codes[d.network] as RegExp);
    }
    expect(demo.disputes.some((d) => stripe.includes(d.reasonCode))).toBe(true);
    expect(demo.disputes.some((d) => !stripe.includes(d.reasonCode))).toBe(true);
  });

  it('has open work with deadlines: some due within 48 hours, some overdue, some with no response allowed', () => {
    const open = demo.disputes.filter((d) => d.status === 'new' || d.status === 'gathering_evidence');
    expect(open.filter((d) => d.dueAt > NOW && d.dueAt <= NOW + 48 * HOUR).length).toBeGreaterThanOrEqual(3);
    expect(open.filter((d) => d.dueAt !== 0 && d.dueAt < NOW).length).toBeGreaterThanOrEqual(2);
    const big = generateDemoAll({ orders: 30_000, seed: 8, now: NOW });
    expect(big.disputes.some((d) => d.dueAt === 0)).toBe(true);
  });

  it('resolves old disputes and keeps recent ones open', () => {
    for (const d of demo.disputes) {
      if (d.dueAt !== 0 && NOW - d.dueAt > 60 * DAY) expect(['won', 'lost', 'accepted']).toContain(d.status);
      if (['won', 'lost'].includes(d.status)) expect(d.dueAt).toBeLessThan(NOW);
    }
    expect(new Set(demo.disputes.map((d) => d.status)).size).toBeGreaterThanOrEqual(5);
  });

  it('lists a Visa CE 3.0 case that the raw data proves', () => {
    const { ce3Eligible } = demo.truth;
    expect(ce3Eligible.length).toBeGreaterThanOrEqual(1);
    for (const c of ce3Eligible) {
      const dispute = demo.disputes.find((d) => d.id === c.disputeId) as Dispute;
      expect(dispute).toBeDefined();
      expect(isVisaFraud(dispute)).toBe(true);
      const priors = qualifyingPriors(demo, dispute).map(orderKey);
      expect(priors.length).toBeGreaterThanOrEqual(2);
      expect(new Set(priors)).toEqual(new Set(c.priorOrderKeys));
    }
  });

  it('lists exactly the disputes that satisfy the rule, and plants a near miss that does not', () => {
    const candidates = demo.disputes.filter(isVisaFraud);
    const eligible = candidates.filter((d) => qualifyingPriors(demo, d).length >= 2).map((d) => d.id);
    expect(new Set(eligible)).toEqual(new Set(demo.truth.ce3Eligible.map((c) => c.disputeId)));
    expect(candidates.some((d) => qualifyingPriors(demo, d).length === 1)).toBe(true);
  });
});
