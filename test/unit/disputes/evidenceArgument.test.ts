// What the evidence pack argues to the issuer: for each claim (not received, fraud, not as described,
// credit not processed, duplicate, subscription cancelled, general), with and without each fact the
// argument may rest on (shipped, the address, an attached proof of delivery, card checks, earlier
// undisputed orders on the card, CE 3.0, a refund, the other charge). A sentence is printed (and sent
// as Stripe's summary) only when its fact is in the pack; what is missing is a gap for the screen.
// The reviewer's case: an Amex C08 pack argued "shipped … and delivered" with no tracking or proof.
import { describe, expect, it } from 'vitest';
import { ce3Check } from '../../../shared/disputes/ce3';
import { evidencePack, type EvidenceInput, type PackAttachment, type PackOrder } from '../../../shared/disputes/evidence';
import { reasonInfo } from '../../../shared/disputes/reasonCodes';
import { EVIDENCE } from '../../../shared/disputes/workflow';
import type { Dispute } from '../../../shared/domain/dispute';
import { orderKey, type Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { order } from '../normalize/orderFixture';
import { PACK_CUSTOMER, stripePayment } from '../../support/evidencePack';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 14);
const AT = Date.UTC(2026, 9, 1, 10);

const customer = PACK_CUSTOMER;
const PASSED = { cvcCheck: 'pass', avsPostcodeCheck: 'pass', avsLine1Check: 'pass', threeDs: 'authenticated' };

const POD: PackAttachment = { id: 1, name: 'dhl-pod.pdf', type: 'pdf', purpose: 'proof-of-delivery', size: 40_000, sha256: 'a'.repeat(64), addedAt: AT };
const SCREENSHOT: PackAttachment = { ...POD, id: 2, name: 'account.png', type: 'png', purpose: 'screenshot' };

interface Case {
  network?: Dispute['network'];
  code: string;
  /** The disputed order's fields over the customer's; null: the order is not in the cache. */
  disputed?: Partial<Order> | null;
  paymentStatus?: Payment['status'];
  /** Other orders of the customer; `disputedToo` marks one disputed itself. */
  history?: (Partial<Order> & { daysBefore: number; disputedToo?: boolean })[];
  attachments?: PackAttachment[];
}

function packOf(c: Case) {
  const d: Dispute = {
    id: 'dp_1',
    provider: 'stripe',
    paymentId: 'ch_900',
    orderKey: 'shopify:#900',
    network: c.network ?? 'visa',
    reasonCode: c.code,
    amountMinor: 12_990,
    currency: 'EUR',
    openedAt: AT,
    dueAt: NOW + 14 * 3_600_000,
    status: 'gathering_evidence',
  };
  const target = c.disputed === null ? null : order({ ...customer, externalId: '#900', createdAt: AT, totalMinor: 12_990, ...c.disputed });
  const others = (c.history ?? []).map(({ daysBefore, disputedToo, ...f }, i) => ({
    o: order({ ...customer, externalId: `#${i + 1}`, createdAt: AT - daysBefore * DAY, totalMinor: 12_990, ...f }),
    disputedToo,
  }));
  const pay = (o: Order, status: Payment['status'] = 'succeeded'): Payment => stripePayment(o, { status });

  const other = (key: string): Dispute => ({ ...d, id: `dp_${key}`, orderKey: key, status: 'lost' });
  const history: PackOrder[] = [
    ...others.map(({ o, disputedToo }) => ({ order: o, payment: pay(o), disputes: disputedToo ? [other(orderKey(o))] : [] })),
    ...(target ? [{ order: target, payment: pay(target, c.paymentStatus), disputes: [d] }] : []),
  ].sort((a, b) => a.order.createdAt - b.order.createdAt);
  const info = reasonInfo(d.network, d.reasonCode);
  const disputedKeys = new Set(history.filter((h) => h.disputes.length).map((h) => orderKey(h.order)));
  const input: EvidenceInput = {
    dispute: d,
    family: info.family,
    reasonLabel: info.label,
    disputed: history.find((h) => h.order === target) ?? null,
    ce3:
      d.network === 'visa'
        ? ce3Check(
            d,
            history.map((h) => h.order),
            disputedKeys,
          )
        : null,
    history,
    checklist: EVIDENCE[info.family].map((item, i) => ({ item, checked: i < 2 })),
    attachments: c.attachments ?? [],
    now: NOW,
  };
  const pack = evidencePack(input);
  // What goes to the bank: Stripe's summary, whose first sentence names the dispute, then the
  // argument (the sentences the pack prints).
  const summary = (pack.stripe.evidence.uncategorized_text ?? '').replace(/^.*? on (order #900 of \d{4}-\d\d-\d\d|an order not in our records)\.\s*/, '');
  return { pack, summary, argument: pack.argument };
}

/** Whatever the pack holds, it never claims delivery without an attached proof of delivery. */
const DELIVERY_CLAIM = /deliver(ed|y)/i;

describe('not received (Amex C08): shipped and delivered only as far as the pack shows', () => {
  it('shipped without a proof of delivery: says shipped to the address, never delivered; the gap and the advice are on screen', () => {
    const { summary, argument, pack } = packOf({ network: 'amex', code: 'C08' });
    expect(summary).toContain(
      "The shop's records show order #900 as fulfilled (shipped) to Hauptstraße 5, 10115 Berlin, DE, the shipping address given with the order.",
    );
    expect(summary).not.toMatch(DELIVERY_CLAIM);
    expect(argument.answered).toBe(false);
    expect(argument.gaps).toContainEqual(expect.stringMatching(/^No proof of delivery is attached/));
    expect(argument.advice).toBe('Nothing in the pack answers the not received claim: add a proof of delivery, or consider accepting the dispute');
    // Stripe's summary is the dispute, then the same sentences the pack prints.
    expect(pack.stripe.evidence.uncategorized_text).toMatch(
      new RegExp(`on order #900 of 2026-10-01\\. ${argument.sentences.join(' ').replace(/[.()]/g, '\\$&')}$`),
    );
    // The gap is one of the screen's checks.
    expect(pack.checks).toContainEqual({ level: 'todo', text: expect.stringMatching(/^Argument: No proof of delivery is attached/) });
  });

  it('with an attached proof of delivery: delivery is argued, naming the file', () => {
    const { summary, argument } = packOf({ network: 'amex', code: 'C08', attachments: [POD] });
    expect(summary).toContain('Delivery is shown by the attached proof of delivery (dhl-pod.pdf).');
    expect(argument.answered).toBe(true);
    expect(argument.advice).toBeNull();
    expect(argument.gaps.some((g) => g.includes('proof of delivery'))).toBe(false);
  });

  it('an attached file that is not a proof of delivery proves no delivery', () => {
    const { summary, argument } = packOf({ network: 'amex', code: 'C08', attachments: [SCREENSHOT] });
    expect(summary).not.toMatch(DELIVERY_CLAIM);
    expect(argument.answered).toBe(false);
  });

  it('not shipped (paid, not fulfilled): nothing about shipping is claimed, and the gap says so', () => {
    const { summary, argument } = packOf({ network: 'amex', code: 'C08', disputed: { status: 'paid' } });
    expect(summary).not.toMatch(/shipped|fulfilled|deliver/i);
    expect(argument.gaps).toContainEqual('Order #900 is not recorded as shipped (status paid): the pack cannot say it was sent');
    expect(argument.answered).toBe(false);
  });

  it('shipped without an address in the export: no address is named', () => {
    const { summary } = packOf({ network: 'amex', code: 'C08', disputed: { shipStreet: '', shipPostcode: '', shipCity: '', shipCountry: '' } });
    expect(summary).toContain("The shop's records show order #900 as fulfilled (shipped).");
    expect(summary).not.toContain('address');
  });

  it('a refunded order answers the claim with the refund', () => {
    const { summary, argument } = packOf({ network: 'amex', code: 'C08', disputed: { status: 'refunded' } });
    expect(summary).toContain("The shop's records show order #900 as refunded.");
    expect(summary).not.toMatch(/shipped|deliver/i);
    expect(argument.answered).toBe(true);
  });
});

describe('fraud (Visa 10.4): authorisation only from the checks and the history the pack holds', () => {
  it('passed card checks and earlier undisputed orders on the card from the same IP and device are argued, with CE 3.0', () => {
    const { summary, argument } = packOf({ code: '10.4', disputed: PASSED, history: [{ daysBefore: 130 }, { daysBefore: 200 }, { daysBefore: 20 }] });
    expect(summary).toContain('The card security code (CVC) entered matched the card.');
    expect(summary).toContain("The card issuer's address check (AVS) matched the billing postcode and street address.");
    expect(summary).toContain('The cardholder authenticated the payment with 3-D Secure.');
    expect(summary).toContain(
      'The same card paid for 3 earlier orders from 2026-03-15 on, none of them disputed; all came from the same IP address or device as this order.',
    );
    expect(summary).toContain('2 earlier undisputed orders on the same card, 120 to 365 days before, qualify under Visa Compelling Evidence 3.0');
    expect(summary).toContain('the address of 3 earlier undisputed orders on the same card.');
    expect(argument.answered).toBe(true);
    expect(argument.advice).toBeNull();
  });

  it('no checks and no history: no claim of authorisation, the gaps and the advice instead', () => {
    const { summary, argument } = packOf({ code: '10.4' });
    expect(summary).not.toMatch(/authori[sz]ed|matched|earlier|undisputed|3-D Secure/);
    expect(argument.gaps).toEqual(
      expect.arrayContaining(['No card check passed in the cache (CVC, AVS, 3-D Secure)', 'No earlier undisputed order on the same card is in the cache']),
    );
    expect(argument.answered).toBe(false);
    expect(argument.advice).toMatch(/^Nothing in the pack answers the fraud \(cardholder did not authorise\) claim: .*consider accepting/);
  });

  it('a failed check is never argued; only the checks that passed are', () => {
    const { summary, argument } = packOf({ code: '10.4', disputed: { cvcCheck: 'fail', avsPostcodeCheck: 'pass', threeDs: 'attempted' } });
    expect(summary).not.toContain('security code');
    expect(summary).toContain("The card issuer's address check (AVS) matched the billing postcode.");
    expect(summary).toContain('3-D Secure authentication was attempted for the payment.');
    expect(argument.gaps).toContainEqual(expect.stringMatching(/^CVC failed/));
  });

  it('earlier orders that were disputed, on another card, or from another IP and device are counted as they are', () => {
    const { summary } = packOf({
      code: '10.4',
      history: [
        { daysBefore: 30, disputedToo: true },
        { daysBefore: 40, cardFingerprint: 'fp_other' },
        { daysBefore: 50, ip: '198.51.100.7', deviceId: 'another-device-0000001' },
        { daysBefore: 60 },
      ],
    });
    expect(summary).toContain(
      'The same card paid for 2 earlier orders from 2026-08-02 on, none of them disputed; 1 of them came from the same IP address or device as this order.',
    );
  });

  it('an earlier order of the same card without IP or device in common is argued without that clause', () => {
    const { summary } = packOf({ code: '10.4', history: [{ daysBefore: 50, ip: '198.51.100.7', deviceId: '' }] });
    expect(summary).toContain('The same card paid for 1 earlier order from 2026-08-12 on, none of them disputed.');
  });

  it('shipped is stated for a fraud pack only as the shop recorded it, delivered only with the proof', () => {
    expect(packOf({ code: '10.4', disputed: PASSED }).summary).not.toMatch(DELIVERY_CLAIM);
    expect(packOf({ code: '10.4', disputed: PASSED, attachments: [POD] }).summary).toContain(
      'Delivery is shown by the attached proof of delivery (dhl-pod.pdf).',
    );
  });
});

describe('the other claims', () => {
  it('not as described: shipped may be said, "as described" never (the cache cannot show it); the gap names what to attach', () => {
    const { summary, argument } = packOf({ code: '13.3' });
    expect(summary).not.toMatch(/as described|return policy/);
    expect(summary).toContain('as fulfilled (shipped)');
    expect(argument.gaps).toContainEqual(expect.stringMatching(/^Nothing in the cache shows the goods were as described/));
    expect(argument.answered).toBe(false);
  });

  it('credit not processed: a refund is argued only when recorded; otherwise nothing is claimed', () => {
    const open = packOf({ code: '13.6' });
    expect(open.summary).not.toMatch(/refund|entitled/i);
    expect(open.argument.gaps).toContainEqual(expect.stringMatching(/^No refund of order #900 is recorded/));
    expect(open.argument.answered).toBe(false);
    const refunded = packOf({ code: '13.6', paymentStatus: 'refunded' });
    expect(refunded.summary).toContain("The shop's records show order #900 as refunded.");
    expect(refunded.argument.answered).toBe(true);
  });

  it('duplicate: the other charge is named; "its own goods and delivery" only when both orders were shipped', () => {
    const both = packOf({ network: 'stripe', code: 'duplicate', history: [{ daysBefore: 1 }] });
    expect(both.summary).toContain('The other charge of €129.90 (ch_1) is for order #1 of 2026-09-30, a separate order from order #900 of 2026-10-01.');
    expect(both.summary).toContain('Both orders are recorded as fulfilled (shipped), each on its own.');
    expect(both.pack.stripe.evidence.duplicate_charge_explanation).toBe(both.argument.sentences.join(' '));
    expect(both.argument.answered).toBe(true);

    const unshipped = packOf({ network: 'stripe', code: 'duplicate', history: [{ daysBefore: 1, status: 'paid' }] });
    expect(unshipped.pack.stripe.evidence.duplicate_charge_explanation).not.toMatch(/goods|deliver|shipped/);
    expect(unshipped.argument.gaps).toContainEqual('Order #1 is not recorded as shipped: it may be the duplicate; check before answering');
    expect(unshipped.argument.answered).toBe(false);

    // A cancelled or unpaid order of the same amount charged nothing: never named as "the other charge".
    for (const status of ['cancelled', 'open'] as const) {
      const uncharged = packOf({ network: 'stripe', code: 'duplicate', history: [{ daysBefore: 1, status }] });
      expect(uncharged.summary, status).not.toMatch(/separate|other charge/);
      expect(uncharged.pack.stripe.evidence.duplicate_charge_id, status).toBeUndefined();
    }

    const none = packOf({ network: 'stripe', code: 'duplicate' });
    expect(none.summary).not.toMatch(/separate|other charge/);
    expect(none.argument.gaps).toContainEqual(expect.stringMatching(/^No other order of the same amount within 7 days/));
  });

  it('subscription cancelled: no claim about the cancellation, which the cache does not hold', () => {
    const { summary, argument } = packOf({ code: '13.2' });
    expect(summary).not.toMatch(/cancel/i);
    expect(argument.gaps).toContainEqual(expect.stringMatching(/^The cache holds no subscription or cancellation record/));
    expect(argument.answered).toBe(false);
  });

  it('general: the order as shipped and its passed checks, no delivery without the proof', () => {
    const shipped = packOf({ network: 'stripe', code: 'general', disputed: { cvcCheck: 'pass' } });
    expect(shipped.summary).not.toMatch(DELIVERY_CLAIM);
    expect(shipped.summary).toContain('as fulfilled (shipped)');
    expect(shipped.summary).toContain('The card security code (CVC) entered matched the card.');
    expect(shipped.argument.answered).toBe(true);
    const open = packOf({ network: 'stripe', code: 'general', disputed: { status: 'open' } });
    expect(open.argument.sentences).toEqual([]);
    expect(open.argument.answered).toBe(false);
  });

  it('an order not in the cache: nothing is argued', () => {
    const { summary, argument } = packOf({ network: 'stripe', code: 'general', disputed: null });
    expect(summary).toBe('');
    expect(argument.sentences).toEqual([]);
    expect(argument.answered).toBe(false);
    expect(argument.advice).toMatch(/import the order, or consider accepting/);
  });
});

describe('what the printed pack holds besides the argument', () => {
  it('the cover has no response deadline and no time relative to printing; no row for what the export lacks', () => {
    const { pack } = packOf({ network: 'amex', code: 'C08' });
    expect(pack.cover.map(([k]) => k)).toEqual(['Dispute', 'Reason', 'Claim', 'Amount', 'Opened', 'Order']);
    const printed = JSON.stringify([pack.cover, pack.order, pack.payment, pack.ipDevice]);
    expect(printed).not.toMatch(/\bin \d+ h\b|Respond by|not in the (export|cache)/);
    expect(pack.payment.map(([k]) => k)).toEqual(['Payment', 'Card', 'Method']);
  });
});

describe('the printed facts', () => {
  it('leave out a card the cache does not hold, rather than print "no card" to the bank', () => {
    const { pack } = packOf({ code: '13.1', disputed: { cardLast4: '', cardBin: '' } });
    expect(pack.payment.map(([label]) => label)).not.toContain('Card');
    const withCard = packOf({ code: '13.1', disputed: { cardLast4: '4242', cardBin: '424242' } });
    expect(withCard.pack.payment).toContainEqual(['Card', expect.stringContaining('•••• 4242')]);
  });
});
